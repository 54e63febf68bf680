"""The demo track loads once with the catalogue's resources; the learner API is in the OpenAPI schema."""

from django.test import Client
from drf_spectacular.generators import SchemaGenerator

from courses.models import CoursePage, LessonPage, Quiz, TrackPage


def test_load_demo_adds_the_training_track_once_with_linked_resources(run_command, site_structure):
    assert run_command("load_demo").code == 0
    assert run_command("load_demo").code == 0
    track = TrackPage.objects.get()
    assert track.title == "Formación continua docente"
    assert CoursePage.objects.child_of(track).count() >= 2
    assert Quiz.objects.count() >= 1
    assert all(lesson.slug.isascii() for lesson in LessonPage.objects.all()), "addresses people can type"
    blocks = [block.block_type for lesson in LessonPage.objects.all() for block in lesson.body]
    assert "video" in blocks and "resource" in blocks
    catalogue = Client().get("/cursos/").content.decode()
    assert "Formación continua docente" in catalogue and "Enseñar fracciones en primaria" in catalogue
    first_video_lesson = next(
        lesson for lesson in LessonPage.objects.live() if any(b.block_type == "video" for b in lesson.body)
    )
    assert "<video" in Client().get(first_video_lesson.url).content.decode()


def test_learner_api_is_published_in_the_openapi_schema():
    schema = SchemaGenerator().get_schema(request=None, public=True)
    paths = schema["paths"]
    for path in (
        "/api/v1/courses/",
        "/api/v1/courses/{slug}/",
        "/api/v1/courses/{slug}/enrolment/",
        "/api/v1/lessons/{lesson_id}/progress/",
        "/api/v1/quizzes/{quiz_id}/",
        "/api/v1/quizzes/{quiz_id}/attempts/",
        "/api/v1/me/",
        "/api/v1/me/courses/",
        "/api/v1/me/export/",
    ):
        assert path in paths, path
    assert "put" in paths["/api/v1/lessons/{lesson_id}/progress/"]
    # Writes are documented as needing the session cookie.
    assert schema["components"]["securitySchemes"]["cookieAuth"]["in"] == "cookie"
    assert {"cookieAuth": []} in paths["/api/v1/lessons/{lesson_id}/progress/"]["put"]["security"]
    assert "409" in paths["/api/v1/quizzes/{quiz_id}/attempts/"]["post"]["responses"]
    assert not any(path.startswith("/cuentas/") for path in paths)
