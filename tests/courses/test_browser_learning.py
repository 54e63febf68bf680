"""In real Chromium: a learner signs up, enrols, watches part of a video and resumes at that second."""

import re

import pytest

from courses.models import LessonProgress

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def tab(browser):
    context = browser.new_context(locale="es-MX")
    yield context.new_page()
    context.close()


def test_video_position_is_saved_by_the_script_and_continuar_resumes_there(tab, live_server, course_tree):
    lesson = course_tree.lessons[0]
    lesson.body = [("video", {"resource": None, "url": "/static/no-existe.mp4", "captions": []})]
    lesson.save_revision().publish()
    base = live_server.url

    tab.goto(base + "/cuentas/registro/?next=/cursos/")
    tab.fill("#id_username", "maestra")
    tab.fill("#id_first_name", "Lucía")
    tab.fill("#id_email", "lucia@escuela.mx")
    tab.fill("#id_password1", "una-clave-larga-2024")
    tab.fill("#id_password2", "una-clave-larga-2024")
    tab.get_by_role("button", name="Crear mi cuenta").click()
    tab.wait_for_url(re.compile(r"/cuentas/registro/enviado/"))
    tab.locator("#contenido").get_by_role("link", name="Entrar").click()
    tab.fill("#id_username", "maestra")
    tab.fill("#id_password", "una-clave-larga-2024")
    tab.locator("#contenido form").get_by_role("button", name="Entrar").click()
    tab.wait_for_url(re.compile(r"/cursos/$"))
    tab.get_by_role("button", name=re.compile("Inscribirme")).click()
    tab.wait_for_url(re.compile(re.escape(lesson.url) + "$"))

    # The media never loads here, so play it forward by hand; pausing makes the script save.
    with tab.expect_response(lambda r: r.url.endswith(f"/api/v1/lessons/{lesson.pk}/progress/")) as saved:
        tab.evaluate(
            "() => { const v = document.querySelector('video'); v.currentTime = 42; "
            "v.dispatchEvent(new Event('pause')); }"
        )
    assert saved.value.status == 200
    assert saved.value.json()["position_seconds"] == 42
    assert LessonProgress.objects.get(user__username="maestra", lesson=lesson).position_seconds == 42

    tab.goto(base + "/mi-aprendizaje/")
    tab.get_by_role("link", name=re.compile("Continuar")).click()
    tab.wait_for_url(re.compile(r"\?t=42$"))
    assert tab.locator("video").get_attribute("data-start") == "42"
