"""ARCO rights: export everything, delete the account, keep certificates verifiable; learners are isolated."""

from django.contrib.auth import get_user_model
from django.test import Client

from courses.models import Certificate, Enrolment, LessonProgress, QuizAttempt

from .conftest import put_progress


def _some_history(client, tree):
    put_progress(client, tree.lessons[0], status="completed")
    put_progress(client, tree.lessons[1], status="completed")
    client.post(
        f"/api/v1/quizzes/{tree.quiz.pk}/attempts/", {"answers": tree.answers()}, content_type="application/json"
    )


def test_export_holds_every_piece_of_the_learners_data(enrolled, course_tree):
    _some_history(enrolled, course_tree)
    data = enrolled.get("/api/v1/me/export/").json()
    assert data["account"]["username"] == "ana"
    assert data["account"]["first_name"] == "Ana"
    assert [row["course"] for row in data["enrolments"]] == ["didactica"]
    assert {row["lesson_id"] for row in data["lesson_progress"]} == {lesson.pk for lesson in course_tree.lessons}
    assert data["quiz_attempts"][0]["passed"] is True
    assert data["certificates"][0]["holder_name"] == "Ana Pérez"


def test_dashboard_download_is_an_attachment_with_the_same_data(enrolled, course_tree):
    _some_history(enrolled, course_tree)
    response = enrolled.get("/mi-aprendizaje/mis-datos.json")
    assert "attachment" in response["Content-Disposition"]
    assert response.json()["certificates"][0]["course_title"] == "Didáctica de la lectura"


def test_deleting_the_account_removes_personal_data_but_not_certificate_validity(enrolled, course_tree):
    _some_history(enrolled, course_tree)
    code = Certificate.objects.get().code
    response = enrolled.delete("/api/v1/me/")
    assert response.status_code == 204
    assert not get_user_model().objects.filter(username="ana").exists()
    assert not Enrolment.objects.exists() and not LessonProgress.objects.exists() and not QuizAttempt.objects.exists()
    page = Client().get(f"/certificados/{code}/").content.decode()
    assert "Certificado válido" in page and "Ana" not in page
    badge = Client().get(f"/certificados/{code}.json").json()
    assert badge["credentialSubject"]["achievement"]["name"] == "Didáctica de la lectura"
    assert "identifier" not in badge["credentialSubject"]
    # The session ended with the account.
    assert enrolled.get("/api/v1/me/courses/").status_code in (401, 403)


def test_confirmed_button_deletes_the_account_only_with_the_username(enrolled, course_tree):
    refused = enrolled.post("/mi-aprendizaje/eliminar-cuenta/", {"confirm_username": "otra"})
    assert refused.status_code == 400
    assert get_user_model().objects.filter(username="ana").exists()
    done = enrolled.post("/mi-aprendizaje/eliminar-cuenta/", {"confirm_username": "ana"})
    assert done.status_code == 302
    assert not get_user_model().objects.filter(username="ana").exists()


def test_learners_never_see_each_others_records(enrolled, course_tree, other_learner):
    _some_history(enrolled, course_tree)
    assert other_learner.get("/api/v1/me/courses/").json() == []
    export = other_learner.get("/api/v1/me/export/").json()
    assert export["account"]["username"] == "beto"
    assert export["enrolments"] == export["lesson_progress"] == export["quiz_attempts"] == export["certificates"] == []
    # Progress and quizzes of a course Beto has not enrolled in are closed to him.
    assert put_progress(other_learner, course_tree.lessons[0], status="in_progress").status_code == 403
    assert other_learner.get(f"/api/v1/quizzes/{course_tree.quiz.pk}/").status_code == 403
    other_learner.delete("/api/v1/me/")
    assert get_user_model().objects.filter(username="ana").exists()
    assert LessonProgress.objects.filter(user__username="ana").count() == 3


def test_anonymous_requests_to_me_are_refused(course_tree):
    client = Client()
    for response in (client.get("/api/v1/me/courses/"), client.get("/api/v1/me/export/"), client.delete("/api/v1/me/")):
        assert response.status_code in (401, 403)
        assert "errors" in response.json()


def test_deleting_a_user_anywhere_else_also_removes_the_name_from_certificates(enrolled, course_tree):
    _some_history(enrolled, course_tree)
    get_user_model().objects.get(username="ana").delete()  # e.g. from the admin's user list
    certificate = Certificate.objects.get()
    assert certificate.holder_name == "" and certificate.user is None
