"""Catalogue API and idempotent enrolment (see docs/api-aprendizaje.md)."""

from django.test import Client

from courses.models import Enrolment


def test_catalogue_lists_published_courses_with_their_track_and_lesson_count(course_tree):
    response = Client().get("/api/v1/courses/")
    assert response.status_code == 200
    [course] = response.json()
    assert course == {
        "slug": "didactica",
        "title": "Didáctica de la lectura",
        "track": "Formación continua docente",
        "summary": "Leer en voz alta con el grupo.",
        "hours": 8,
        "lesson_count": 4,
        "url": "/cursos/formacion/didactica/",
    }


def test_course_detail_lists_modules_lessons_and_quiz_ids(course_tree):
    data = Client().get("/api/v1/courses/didactica/").json()
    modules = data["modules"]
    assert [module["title"] for module in modules] == ["Módulo uno", "Módulo dos"]
    lessons = [lesson for module in modules for lesson in module["lessons"]]
    assert [(lesson["title"], lesson["required"]) for lesson in lessons] == [
        ("Lección uno", True),
        ("Lección dos", True),
        ("Lectura opcional", False),
        ("Evaluación", True),
    ]
    assert lessons[0]["quiz"] is None
    assert lessons[3]["quiz"] == course_tree.quiz.pk


def test_unknown_course_is_a_spanish_404(course_tree):
    response = Client().get("/api/v1/courses/no-existe/")
    assert response.status_code == 404
    assert "curso" in response.json()["errors"]["detail"]


def test_enrolment_is_created_once_then_returned(learner, course_tree):
    first = learner.post("/api/v1/courses/didactica/enrolment/")
    again = learner.post("/api/v1/courses/didactica/enrolment/")
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["enrolled_at"] == again.json()["enrolled_at"]
    assert again.json()["percent_complete"] == 0
    assert Enrolment.objects.filter(user=learner.user).count() == 1


def test_anonymous_cannot_enrol(course_tree):
    response = Client().post("/api/v1/courses/didactica/enrolment/")
    assert response.status_code in (401, 403)
    assert "errors" in response.json()
    assert not Enrolment.objects.exists()


def test_enrolment_requires_the_csrf_token_of_the_session(learner, course_tree):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(learner.user)
    refused = strict.post("/api/v1/courses/didactica/enrolment/")
    assert refused.status_code == 403
    assert "CSRF" in refused.json()["errors"]["detail"]
    strict.get("/cursos/")  # the catalogue page sets the csrftoken cookie
    token = strict.cookies["csrftoken"].value
    accepted = strict.post("/api/v1/courses/didactica/enrolment/", HTTP_X_CSRFTOKEN=token)
    assert accepted.status_code == 201
