"""What a teacher's words mean: synonym groups, and grade, level, fase and type hints.

"fracciones quinto" is a topic plus a grade; treating "quinto" as a word that must appear
would hide the right book, so hints become boosts while topic words must match.
"""

from dataclasses import dataclass, field
from functools import lru_cache

from oer import taxonomy

from .synonyms import synonym_table
from .text import normalize

MAX_TERMS = 16

ORDINALS = {
    "primero": 1,
    "primer": 1,
    "1o": 1,
    "1°": 1,
    "1ro": 1,
    "1": 1,
    "segundo": 2,
    "2o": 2,
    "2°": 2,
    "2do": 2,
    "2": 2,
    "tercero": 3,
    "tercer": 3,
    "3o": 3,
    "3°": 3,
    "3ro": 3,
    "3": 3,
    "cuarto": 4,
    "4o": 4,
    "4°": 4,
    "4to": 4,
    "4": 4,
    "quinto": 5,
    "5o": 5,
    "5°": 5,
    "5to": 5,
    "5": 5,
    "sexto": 6,
    "6o": 6,
    "6°": 6,
    "6to": 6,
    "6": 6,
}
LEVEL_WORDS = {
    ("inicial",): "inicial",
    ("preescolar",): "preescolar",
    ("kinder",): "preescolar",
    ("jardin", "de", "ninos"): "preescolar",
    ("primaria",): "primaria",
    ("secundaria",): "secundaria",
    ("telesecundaria",): "secundaria",
    ("media", "superior"): "media-superior",
    ("bachillerato",): "media-superior",
    ("prepa",): "media-superior",
    ("adultos",): "educacion-para-adultos",
}
TYPE_WORDS = {
    ("libro", "de", "texto"): "textbook",
    ("libros", "de", "texto"): "textbook",
    ("libro",): "textbook",
    ("libros",): "textbook",
    ("video",): "video",
    ("videos",): "video",
    ("audio",): "audio",
    ("audios",): "audio",
    ("radio",): "audio",
    ("podcast",): "audio",
    ("guia", "docente"): "teacher_guide",
    ("guia",): "teacher_guide",
    ("guias",): "teacher_guide",
    ("libro", "del", "maestro"): "teacher_guide",
    ("libro", "para", "el", "maestro"): "teacher_guide",
    ("plan", "semanal"): "weekly_plan",
    ("planeacion",): "weekly_plan",
    ("ficha",): "activity",
    ("fichas",): "activity",
    ("actividad",): "activity",
    ("actividades",): "activity",
    ("curso",): "course",
    ("cursos",): "course",
}


@lru_cache(maxsize=1)
def curriculum_words():
    """Normalised subject and formative-field names -> (hint kind, slug)."""
    words = {}
    for kind, vocabulary in (("subjects", taxonomy.SUBJECTS), ("fields", taxonomy.FIELDS)):
        for term in vocabulary:
            words[tuple(normalize(str(term.label)).split())] = (kind, term.slug)
    return words


def hint_words():
    """Every word that carries a hint; spelling suggestions leave these alone."""
    words = set(ORDINALS) | {"fase"}
    for table in (LEVEL_WORDS, TYPE_WORDS, synonym_table(), curriculum_words()):
        for phrase in table:
            words.update(phrase)
    return words


FILLER = {"grado", "grados", "de", "del", "la", "el", "en", "para", "y", "ano", "anio"}
# How teachers ask: question words and the frame around the topic ("video para explicar el ciclo
# del agua a niños de cuarto" asks about the water cycle). Dropped unless they carry a hint; the
# topic words that remain are what a resource must match.
QUESTION_WORDS = {
    "que",
    "como",
    "cual",
    "cuales",
    "quien",
    "quienes",
    "donde",
    "cuando",
    "cuanto",
    "cuanta",
    "cuantos",
    "cuantas",
    "porque",
    "por",
    "acerca",
    "sobre",
}
ASKING_WORDS = {
    "explicar",
    "explicarles",
    "explique",
    "ensenar",
    "ensenarles",
    "ensene",
    "aprender",
    "aprendan",
    "entender",
    "entiendan",
    "trabajar",
    "repasar",
    "practicar",
    "ver",
    "mostrar",
    "buscar",
    "busco",
    "necesito",
    "quiero",
    "queremos",
    "tienen",
    "tiene",
    "hay",
    "puedo",
    "podemos",
    "sirve",
    "sirva",
    "algun",
    "alguna",
    "algunos",
    "algo",
    "tema",
    "material",
    "recurso",
    "recursos",
    "ninos",
    "ninas",
    "nino",
    "nina",
    "alumnos",
    "alumnas",
    "estudiantes",
    "chicos",
    "grupo",
    "clase",
    "mis",
    "mi",
    "mejor",
    "bueno",
    "buena",
    "facil",
    "sencillo",
    "forma",
    "manera",
}
DROPPED_WORDS = FILLER | QUESTION_WORDS | ASKING_WORDS


@dataclass
class Concept:
    """One idea of the query: the words typed plus equivalent phrasings."""

    phrases: list  # tuples of folded words; the first is what was typed
    required: bool = True


@dataclass
class Understanding:
    concepts: list = field(default_factory=list)
    grades: set = field(default_factory=set)
    levels: set = field(default_factory=set)
    fases: set = field(default_factory=set)
    types: set = field(default_factory=set)
    subjects: set = field(default_factory=set)
    fields: set = field(default_factory=set)
    asked: bool = False  # question or asking words were typed ("cómo", "explicar", "niños")

    @property
    def required(self):
        return [concept for concept in self.concepts if concept.required]

    @property
    def is_question(self):
        """Typed as a question or a sentence rather than keywords: meaning then counts as much as words."""
        return self.asked or len(self.required) >= 3


def _longest_match(tokens, start, table):
    for length in range(min(4, len(tokens) - start), 0, -1):
        phrase = tuple(tokens[start : start + length])
        if phrase in table:
            return phrase
    return None


def understand(text):
    tokens = normalize(text).split()[:MAX_TERMS]
    result = Understanding()
    synonyms = synonym_table()
    position = 0
    while position < len(tokens):
        token = tokens[position]
        if token == "fase" and position + 1 < len(tokens) and tokens[position + 1] in ORDINALS:
            result.fases.add(ORDINALS[tokens[position + 1]])
            result.concepts.append(Concept([("fase", tokens[position + 1])], required=False))
            position += 2
            continue
        hint = False
        if token in ORDINALS:
            result.grades.add(ORDINALS[token])
            hint = True
        level = _longest_match(tokens, position, LEVEL_WORDS)
        kind = _longest_match(tokens, position, TYPE_WORDS)
        if level:
            result.levels.add(LEVEL_WORDS[level])
        if kind:
            result.types.add(TYPE_WORDS[kind])
        phrase = _longest_match(tokens, position, synonyms) or max(
            [p for p in (level, kind) if p] or [(token,)], key=len
        )
        hint = hint or bool(level or kind)
        if not hint and phrase == (token,) and token in DROPPED_WORDS:
            result.asked = result.asked or token not in FILLER
            position += 1
            continue
        alternatives = [phrase, *synonyms.get(phrase, ())]
        subject_words = curriculum_words()
        for alternative in alternatives:
            if alternative in subject_words:
                kind, slug = subject_words[alternative]
                getattr(result, kind).add(slug)
        result.concepts.append(Concept(alternatives, required=not hint))
        position += len(phrase)
    return result
