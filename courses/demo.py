"""Demo teacher-training track for `load_demo`: two courses whose lessons use the demo catalogue."""

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.rich_text import RichText

from courses.models import CoursePage, LessonPage, ModulePage, Quiz, TrackPage
from courses.site import ensure_course_index

TRACK_SLUG = "formacion-continua-docente"


def _question(text, choices):
    return ("question", {"text": text, "choices": [{"text": t, "correct": c} for t, c in choices]})


COURSES = [
    {
        "slug": "nem-en-el-aula",
        "title": "La Nueva Escuela Mexicana en el aula",
        "summary": (
            "Los fundamentos del Plan de Estudio 2022, los campos formativos y el trabajo por proyectos "
            "con los libros sin recetas."
        ),
        "hours": 20,
        "level": "primaria",
        "prerequisites": "Ninguno. Pensado para docentes de educación básica.",
        "modules": [
            {
                "title": "Fundamentos del Plan de Estudio 2022",
                "lessons": [
                    {
                        "title": "¿Qué cambia con la Nueva Escuela Mexicana?",
                        "text": (
                            "<p>El Plan de Estudio 2022 organiza los contenidos en cuatro campos "
                            "formativos y siete ejes articuladores. La comunidad es el punto de partida "
                            "del aprendizaje.</p>"
                        ),
                        "resources": ["sep:2022:plan-de-estudio"],
                    },
                    {
                        "title": "Campos formativos y ejes articuladores",
                        "text": (
                            "<p>Mira el video y fíjate cómo una misma situación de la vida diaria se "
                            "trabaja desde varios campos formativos.</p>"
                        ),
                        "video": "aprendeencasa:video:p5-fracciones-vida-diaria",
                        "resources": ["sep:2023:programa-sintetico-fase-5"],
                    },
                ],
            },
            {
                "title": "Trabajo por proyectos",
                "lessons": [
                    {
                        "title": "Un libro sin recetas",
                        "text": (
                            "<p>Los libros para la maestra y el maestro proponen caminos, no recetas: "
                            "revisa el de tu fase y elige un proyecto.</p>"
                        ),
                        "resources": ["conaliteg:2024:PF5LSR", "conaliteg:2024:PF3LSR"],
                    },
                    {
                        "title": "Para leer más: la igualdad de género en el aula",
                        "text": "<p>Lectura opcional para profundizar en uno de los ejes articuladores.</p>",
                        "video": "aprendeencasa:video:p6-igualdad-de-genero",
                        "required": False,
                    },
                    {
                        "title": "Evaluación: fundamentos de la NEM",
                        "text": (
                            "<p>Responde el cuestionario. Necesitas 2 de 3 respuestas correctas; tienes 3 intentos.</p>"
                        ),
                        "quiz": {
                            "pass_score": "0.66",
                            "max_attempts": 3,
                            "questions": [
                                _question(
                                    "¿Cuántos campos formativos tiene el Plan de Estudio 2022?",
                                    [("Tres", False), ("Cuatro", True), ("Siete", False)],
                                ),
                                _question(
                                    "¿Cuáles de estos son ejes articuladores? (elige todos los que apliquen)",
                                    [("Inclusión", True), ("Vida saludable", True), ("Aritmética", False)],
                                ),
                                _question(
                                    "¿Qué fase corresponde a quinto y sexto de primaria?",
                                    [("Fase 3", False), ("Fase 4", False), ("Fase 5", True)],
                                ),
                            ],
                        },
                    },
                ],
            },
        ],
    },
    {
        "slug": "fracciones-en-primaria",
        "title": "Enseñar fracciones en primaria",
        "summary": (
            "Situaciones de reparto, fracciones equivalentes y cómo acompañar los errores frecuentes del alumnado."
        ),
        "hours": 12,
        "level": "primaria",
        "prerequisites": "Conocer el programa sintético de la fase 4 o 5.",
        "modules": [
            {
                "title": "Repartir y comparar",
                "lessons": [
                    {
                        "title": "Las fracciones en la vida diaria",
                        "text": (
                            "<p>Empezamos por los repartos: pizzas, tortillas y listones. Mira el video "
                            "y anota qué preguntas harías al grupo.</p>"
                        ),
                        "video": "aprendeencasa:video:p5-fracciones-vida-diaria",
                        "resources": ["aprendeencasa:video:p5-fracciones-vida-diaria"],
                    },
                    {
                        "title": "Fracciones equivalentes",
                        "text": (
                            "<p>Distintas formas de nombrar la misma cantidad. Usa el video con tu grupo "
                            "de cuarto grado.</p>"
                        ),
                        "video": "aprendeencasa:video:p4-fracciones-equivalentes",
                    },
                    {
                        "title": "Comprueba lo aprendido",
                        "text": "<p>Un cuestionario breve para cerrar el módulo.</p>",
                        "quiz": {
                            "pass_score": "1.00",
                            "max_attempts": 2,
                            "questions": [
                                _question(
                                    "¿Qué fracción es equivalente a 1/2?",
                                    [("2/4", True), ("2/3", False), ("1/4", False)],
                                ),
                                _question(
                                    "Si repartes 3 pizzas entre 4 personas, ¿cuánto le toca a cada una?",
                                    [("3/4", True), ("4/3", False), ("1/3", False)],
                                ),
                            ],
                        },
                    },
                ],
            }
        ],
    },
]


def _resources_by_external_id():
    from oer.browse import published_resources

    wanted = {
        external_id
        for course in COURSES
        for module in course["modules"]
        for lesson in module["lessons"]
        for external_id in lesson.get("resources", []) + ([lesson["video"]] if lesson.get("video") else [])
    }
    return {page.external_id: page for page in published_resources().filter(external_id__in=wanted).specific()}


def _lesson_body(spec, resources):
    body = [("paragraph", RichText(spec["text"]))]
    video = resources.get(spec.get("video"))
    if video is not None:
        body.append(("video", {"resource": video, "url": "", "captions": []}))
    for external_id in spec.get("resources", []):
        if external_id in resources:
            body.append(("resource", {"resource": resources[external_id], "note": ""}))
    return body


def _publish_child(parent, page):
    page.slug = page.slug or slugify(page.title)  # ASCII slugs: addresses people can type
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@transaction.atomic
def load_courses(stdout):
    """Create the demo track once; does nothing when it is already there."""
    if TrackPage.objects.filter(slug=TRACK_SLUG).exists():
        return
    index = ensure_course_index()
    resources = _resources_by_external_id()
    track = _publish_child(
        index,
        TrackPage(
            title="Formación continua docente",
            slug=TRACK_SLUG,
            summary="Cursos autogestivos para docentes de educación básica, con constancia al terminar.",
            audience="docente",
        ),
    )
    lesson_count = 0
    for course_spec in COURSES:
        course = _publish_child(
            track,
            CoursePage(
                title=course_spec["title"],
                slug=course_spec["slug"],
                summary=course_spec["summary"],
                hours=course_spec["hours"],
                level=course_spec["level"],
                audience="docente",
                prerequisites=course_spec["prerequisites"],
            ),
        )
        for module_spec in course_spec["modules"]:
            module = _publish_child(course, ModulePage(title=module_spec["title"]))
            for spec in module_spec["lessons"]:
                lesson = LessonPage(
                    title=spec["title"], required=spec.get("required", True), body=_lesson_body(spec, resources)
                )
                if "quiz" in spec:
                    lesson.quizzes = [Quiz(title=_("Cuestionario"), **spec["quiz"])]
                _publish_child(module, lesson)
                lesson_count += 1
    stdout.write(
        _("Cursos de demostración: 1 itinerario, %(courses)d cursos, %(lessons)d lecciones.")
        % {"courses": len(COURSES), "lessons": lesson_count}
    )
