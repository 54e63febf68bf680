"""The curriculum vocabulary of Acervo (Nueva Escuela Mexicana and the SEP catalogue), defined once.

Every other module imports these lists; slugs are stable identifiers used by the catalogue
format, the search API and OAI-PMH, labels are what people read.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from media.languages import CAPTION_LANGUAGES


@dataclass(frozen=True)
class Term:
    slug: str
    label: str


class Vocabulary:
    """An ordered, immutable list of terms with lookups by slug."""

    def __init__(self, name, terms):
        self.name = name
        self.terms = tuple(terms)
        self._by_slug = {term.slug: term for term in self.terms}

    def __iter__(self):
        return iter(self.terms)

    def __len__(self):
        return len(self.terms)

    def __contains__(self, slug):
        return slug in self._by_slug

    def get(self, slug):
        return self._by_slug.get(slug)

    def label(self, slug):
        term = self._by_slug.get(slug)
        return str(term.label) if term else slug

    @property
    def slugs(self):
        return [term.slug for term in self.terms]

    @property
    def choices(self):
        return [(term.slug, term.label) for term in self.terms]


def _vocab(name, *pairs):
    return Vocabulary(name, [Term(slug, label) for slug, label in pairs])


LEVELS = _vocab(
    "level",
    ("inicial", _("Educación inicial")),
    ("preescolar", _("Preescolar")),
    ("primaria", _("Primaria")),
    ("secundaria", _("Secundaria")),
    ("media-superior", _("Media superior")),
    ("educacion-para-adultos", _("Educación para adultos")),
)

# Grade numbers are counted within each level; levels absent here have no grades.
GRADES_BY_LEVEL = {
    "preescolar": (1, 2, 3),
    "primaria": (1, 2, 3, 4, 5, 6),
    "secundaria": (1, 2, 3),
    "media-superior": (1, 2, 3),
}

GRADE_ORDINALS = {
    1: _("Primer grado"),
    2: _("Segundo grado"),
    3: _("Tercer grado"),
    4: _("Cuarto grado"),
    5: _("Quinto grado"),
    6: _("Sexto grado"),
}

# NEM phases: 1 inicial; 2 preescolar; 3 primaria 1-2; 4 primaria 3-4; 5 primaria 5-6; 6 secundaria.
FASES = {
    1: _("Fase 1"),
    2: _("Fase 2"),
    3: _("Fase 3"),
    4: _("Fase 4"),
    5: _("Fase 5"),
    6: _("Fase 6"),
}


def fase_for(level, grade=None):
    """The NEM fase of a level and grade, or None where the NEM defines none."""
    if level == "inicial":
        return 1
    if level == "preescolar":
        return 2
    if level == "primaria" and grade in GRADES_BY_LEVEL["primaria"]:
        return 3 + (grade - 1) // 2
    if level == "secundaria":
        return 6
    return None


def fases_for(levels, grades):
    """Every fase covered by a resource's levels and grades, sorted."""
    found = set()
    for level in levels:
        if level == "primaria":
            found.update(fase_for(level, grade) for grade in grades if grade in GRADES_BY_LEVEL[level])
            if not grades:
                found.update({3, 4, 5})
        else:
            fase = fase_for(level)
            if fase:
                found.add(fase)
    return sorted(found)


def grade_label(level, grade):
    """'Quinto grado de primaria' style label."""
    return _("%(grade)s de %(level)s") % {
        "grade": GRADE_ORDINALS.get(grade, str(grade)),
        "level": LEVELS.label(level).lower(),
    }


FIELDS = _vocab(
    "field",
    ("lenguajes", _("Lenguajes")),
    ("saberes-y-pensamiento-cientifico", _("Saberes y Pensamiento Científico")),
    ("etica-naturaleza-y-sociedades", _("Ética, Naturaleza y Sociedades")),
    ("de-lo-humano-y-lo-comunitario", _("De lo Humano y lo Comunitario")),
)

AXES = _vocab(
    "axis",
    ("inclusion", _("Inclusión")),
    ("pensamiento-critico", _("Pensamiento crítico")),
    ("interculturalidad-critica", _("Interculturalidad crítica")),
    ("igualdad-de-genero", _("Igualdad de género")),
    ("vida-saludable", _("Vida saludable")),
    (
        "apropiacion-de-las-culturas-a-traves-de-la-lectura-y-la-escritura",
        _("Apropiación de las culturas a través de la lectura y la escritura"),
    ),
    ("artes-y-experiencias-esteticas", _("Artes y experiencias estéticas")),
)

SUBJECTS = _vocab(
    "subject",
    ("espanol", _("Español")),
    ("matematicas", _("Matemáticas")),
    ("ciencias-naturales", _("Ciencias Naturales")),
    ("conocimiento-del-medio", _("Conocimiento del Medio")),
    ("historia", _("Historia")),
    ("geografia", _("Geografía")),
    ("formacion-civica-y-etica", _("Formación Cívica y Ética")),
    ("ingles", _("Inglés")),
    ("artes", _("Artes")),
    ("educacion-fisica", _("Educación Física")),
    ("tecnologia", _("Tecnología")),
    ("biologia", _("Biología")),
    ("fisica", _("Física")),
    ("quimica", _("Química")),
    ("educacion-socioemocional", _("Educación Socioemocional")),
)

RESOURCE_TYPES = _vocab(
    "type",
    ("textbook", _("Libro de texto")),
    ("video", _("Video")),
    ("audio", _("Audio / radio")),
    ("teacher_guide", _("Guía docente")),
    ("weekly_plan", _("Plan semanal")),
    ("activity", _("Actividad / ficha")),
)

# Spanish, English, the national indigenous languages (ISO 639-3) and Mexican Sign Language.
# One list for resources and caption tracks; it lives in media/, which knows nothing of oer/.
LANGUAGES = _vocab("language", *CAPTION_LANGUAGES)

# BCP 47 / ISO codes for HTML lang and schema.org inLanguage.
LANGUAGE_HTML_CODES = {"es": "es-MX", "mfs": "mfs"}

ACCESSIBILITY = _vocab(
    "accessibility",
    ("subtitulos", _("Subtítulos")),
    ("transcripcion", _("Transcripción")),
    ("lsm", _("Interpretación en LSM")),
    ("audiodescripcion", _("Audiodescripción")),
    ("macrotipo", _("Macrotipo")),
    ("braille", _("Braille")),
)

# schema.org accessibilityFeature values for each feature.
ACCESSIBILITY_SCHEMA_ORG = {
    "subtitulos": "captions",
    "transcripcion": "transcript",
    "lsm": "signLanguage",
    "audiodescripcion": "audioDescription",
    "macrotipo": "largePrint",
    "braille": "braille",
}

LICENSES = _vocab(
    "license",
    ("sep-uso-educativo", _("SEP: uso educativo gratuito")),
    ("cc-by-4.0", _("Creative Commons Atribución 4.0")),
    ("cc-by-sa-4.0", _("Creative Commons Atribución-CompartirIgual 4.0")),
    ("cc-by-nc-4.0", _("Creative Commons Atribución-NoComercial 4.0")),
    ("cc-by-nc-sa-4.0", _("Creative Commons Atribución-NoComercial-CompartirIgual 4.0")),
    ("cc0-1.0", _("CC0 1.0: dominio público")),
)

LICENSE_URLS = {
    "sep-uso-educativo": "https://www.gob.mx/sep",
    "cc-by-4.0": "https://creativecommons.org/licenses/by/4.0/deed.es",
    "cc-by-sa-4.0": "https://creativecommons.org/licenses/by-sa/4.0/deed.es",
    "cc-by-nc-4.0": "https://creativecommons.org/licenses/by-nc/4.0/deed.es",
    "cc-by-nc-sa-4.0": "https://creativecommons.org/licenses/by-nc-sa/4.0/deed.es",
    "cc0-1.0": "https://creativecommons.org/publicdomain/zero/1.0/deed.es",
}

AUDIENCES = _vocab(
    "audience",
    ("alumno", _("Alumnado")),
    ("docente", _("Docentes")),
    ("familia", _("Familias")),
)

WEEKDAYS = _vocab(
    "day",
    ("lunes", _("Lunes")),
    ("martes", _("Martes")),
    ("miercoles", _("Miércoles")),
    ("jueves", _("Jueves")),
    ("viernes", _("Viernes")),
    ("sabado", _("Sábado")),
    ("domingo", _("Domingo")),
)

VOCABULARIES = {
    vocab.name: vocab
    for vocab in (LEVELS, FIELDS, AXES, SUBJECTS, RESOURCE_TYPES, LANGUAGES, ACCESSIBILITY, LICENSES, AUDIENCES)
}
