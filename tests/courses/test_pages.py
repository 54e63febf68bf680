"""The learner's pages work without JavaScript: sign up, enrol, learn, resume, answer, dashboard."""

import re

from django.contrib.auth import get_user_model
from django.test import Client

from courses.models import Enrolment, LessonProgress

from .conftest import put_progress


def test_sign_up_then_log_in_lands_on_the_dashboard(site_structure):
    client = Client()
    form = client.get("/cuentas/registro/").content.decode()
    assert 'name="username"' in form and 'name="password1"' in form
    response = client.post(
        "/cuentas/registro/",
        {
            "username": "maestra",
            "first_name": "Lucía",
            "last_name": "Hernández",
            "email": "lucia@escuela.mx",
            "password1": "una-clave-larga-2024",
            "password2": "una-clave-larga-2024",
        },
        follow=True,
    )
    assert response.redirect_chain[-1][0] == "/cuentas/registro/enviado/"
    assert "Revisa tu correo" in response.content.decode()
    response = client.post("/cuentas/entrar/", {"username": "maestra", "password": "una-clave-larga-2024"}, follow=True)
    assert response.redirect_chain[-1][0] == "/mi-aprendizaje/"
    assert "Hola, Lucía Hernández." in response.content.decode()


def test_sign_up_errors_are_shown_in_spanish(site_structure):
    response = Client().post(
        "/cuentas/registro/", {"username": "x", "first_name": "X", "password1": "a", "password2": "b"}
    )
    assert response.status_code == 200
    assert "no coinciden" in response.content.decode()
    assert not get_user_model().objects.exists()


def test_log_in_with_standard_fields_and_log_out_by_post(learner):
    client = Client()
    response = client.post("/cuentas/entrar/", {"username": "ana", "password": "contraseña-segura-123"})
    assert response.status_code == 302 and response["Location"] == "/mi-aprendizaje/"
    assert client.get("/mi-aprendizaje/").status_code == 200
    client.post("/cuentas/salir/")
    assert client.get("/mi-aprendizaje/")["Location"].startswith("/cuentas/entrar/")


def test_catalogue_offers_an_enrol_form_and_the_form_enrols(learner, course_tree):
    html = learner.get("/cursos/").content.decode()
    assert "Didáctica de la lectura" in html
    assert 'action="/mi-aprendizaje/inscribir/didactica/"' in html
    response = learner.post("/mi-aprendizaje/inscribir/didactica/")
    assert response["Location"] == course_tree.lessons[0].url
    assert Enrolment.objects.filter(user=learner.user).count() == 1
    assert "Inscrito" in learner.get("/cursos/").content.decode()


def test_anonymous_catalogue_invites_to_log_in(course_tree):
    html = Client().get("/cursos/").content.decode()
    assert "/cuentas/entrar/?next=" in html and "/mi-aprendizaje/inscribir/" not in html


def test_lesson_page_has_previous_next_and_a_completion_form(enrolled, course_tree):
    first, second, _quiz = course_tree.lessons
    html = enrolled.get(second.url).content.decode()
    assert f'rel="prev" href="{first.url}"' in html
    assert 'rel="next"' in html and course_tree.optional.url in html
    assert "Marcar como completada" in html
    response = enrolled.post(f"/mi-aprendizaje/lecciones/{second.pk}/completar/")
    assert response["Location"] == course_tree.optional.url
    assert LessonProgress.objects.get(user=enrolled.user, lesson=second).status == "completed"
    assert "Lección completada" in enrolled.get(second.url).content.decode()


def test_quiz_form_grades_without_javascript(enrolled, course_tree):
    fields = {f"q-{question_id}": choices for question_id, choices in course_tree.answers(right=True).items()}
    response = enrolled.post(f"/mi-aprendizaje/cuestionarios/{course_tree.quiz.pk}/intentos/", fields)
    assert response.status_code == 201
    html = response.content.decode()
    assert "100% de respuestas correctas" in html and "¡Aprobaste!" in html


def test_dashboard_continues_at_the_exact_position_and_lists_certificates(enrolled, course_tree):
    first, second, quiz_lesson = course_tree.lessons
    put_progress(enrolled, second, status="in_progress", position_seconds=125)
    html = enrolled.get("/mi-aprendizaje/").content.decode()
    assert f'href="{second.url}?t=125"' in html
    assert "Descargar mis datos" in html and "Eliminar mi cuenta" in html
    put_progress(enrolled, first, status="completed")
    put_progress(enrolled, second, status="completed")
    enrolled.post(
        f"/api/v1/quizzes/{course_tree.quiz.pk}/attempts/",
        {"answers": course_tree.answers()},
        content_type="application/json",
    )
    html = enrolled.get("/mi-aprendizaje/").content.decode()
    assert re.search(r'href="/certificados/[A-Z0-9]{20}/"', html)
    assert "100% completado" in html


def test_lesson_page_resumes_the_video_where_the_learner_stopped(enrolled, course_tree, site_structure):
    from oer.models import VideoLessonPage
    from tests.factories import VideoLessonPageFactory

    video = VideoLessonPageFactory(parent=site_structure, file_url="https://videos.example/v.mp4")
    lesson = course_tree.lessons[0]
    lesson.body = [("video", {"resource": VideoLessonPage.objects.get(pk=video.pk), "url": "", "captions": []})]
    lesson.save_revision().publish()
    html = enrolled.get(f"{lesson.url}?t=125").content.decode()
    assert 'src="https://videos.example/v.mp4"' in html
    assert f'data-progress-url="/api/v1/lessons/{lesson.pk}/progress/" data-start="125"' in html
    assert 'kind="captions"' in html and "lesson-progress.js" in html
    put_progress(enrolled, lesson, status="in_progress", position_seconds=40)
    assert 'data-start="40"' in enrolled.get(lesson.url).content.decode()
