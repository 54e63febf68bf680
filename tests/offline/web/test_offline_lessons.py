"""In real Chromium: save a course, study it offline (completion, video position), and the progress arrives
once when the connection returns; pages that were not saved show the offline page."""

import re
import time

import pytest

from courses.models import LessonProgress

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SAVED = re.compile(r"Disponible sin conexión · [\d.,]+ MB")


@pytest.fixture
def context(browser, live_server):
    context = browser.new_context(locale="es-MX", base_url=live_server.url)
    yield context
    context.close()


def sign_in(context, user, base):
    context.add_cookies([{"name": "sessionid", "value": user.session, "url": base}])


def controlled_by_the_worker(tab):
    tab.wait_for_function("() => navigator.serviceWorker.controller !== null")


def save_the_course(tab):
    panel = tab.locator("#sin-conexion")
    panel.get_by_role("button", name="Guardar para ver sin conexión").click()
    status = panel.locator("[data-status]")
    status.filter(has_text=SAVED).wait_for()
    return status.inner_text()


def wait_until(check, seconds=30):
    """Polls the database while the browser sends what it queued (the wait is not an assertion)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.2)
    return check()


def queued(tab):
    return tab.evaluate("() => AcervoQueue.pending()")


def test_a_saved_course_is_studied_offline_and_its_progress_arrives_once(
    context, live_server, enrolled_learner, course_with_media
):
    tree = course_with_media
    first, second = tree.lessons[0], tree.lessons[1]
    base = live_server.url
    assert base.startswith("http://localhost:"), "service workers need a secure context such as localhost"
    sign_in(context, enrolled_learner, base)
    sent = []
    context.on("request", lambda r: sent.append(r.url) if r.method == "PUT" and "/progress/" in r.url else None)
    tab = context.new_page()
    tab.goto(first.url)
    controlled_by_the_worker(tab)

    status = save_the_course(tab)
    assert "no se pudieron guardar" not in status
    assert tab.get_by_role("button", name="Quitar de este dispositivo").is_visible()

    context.set_offline(True)
    tab.goto(second.url)
    assert tab.locator("h1").inner_text() == "Lección dos"
    assert tab.locator("video track").get_attribute("src") == tree.media["captions"]

    tab.get_by_role("button", name="Marcar como completada").click()
    tab.get_by_text("se enviará cuando vuelva la conexión").wait_for()
    assert tab.locator(".badge").inner_text() == "Lección completada"
    # The media never plays here: move the video by hand; pausing makes the page save the position.
    tab.evaluate(
        "() => { const v = document.querySelector('video'); v.currentTime = 42; v.dispatchEvent(new Event('pause')); }"
    )
    tab.wait_for_function("async () => (await AcervoQueue.pending()).some(item => item.position === 42)")
    [item] = queued(tab)
    assert (item["status"], item["position"]) == ("completed", 42), "a later position never undoes a completion"

    tab.reload()
    assert tab.locator("h1").inner_text() == "Lección dos"
    tab.get_by_text("se enviará cuando vuelva la conexión").wait_for()
    assert tab.get_by_role("button", name="Marcar como completada").count() == 0
    assert tab.locator("video").get_attribute("data-start") == "42"
    # The player's byte-range requests are answered from the saved video.
    answer = tab.evaluate(
        "async url => { const r = await fetch(url, {headers: {Range: 'bytes=0-3'}}); "
        "return [r.status, r.headers.get('Content-Range'), (await r.arrayBuffer()).byteLength]; }",
        tree.media["video"],
    )
    assert answer == [206, "bytes 0-3/4100", 4]

    tab.goto("/mi-aprendizaje/")
    assert tab.locator("h1").inner_text() == "Sin conexión"
    tab.get_by_role("link", name="Didáctica de la lectura").wait_for()
    assert not LessonProgress.objects.filter(lesson=second).exists()
    assert sent == [], "nothing reaches the network while offline"

    tab.goto(second.url)
    context.set_offline(False)
    assert wait_until(lambda: LessonProgress.objects.filter(lesson=second).exists())
    tab.wait_for_function("async () => (await AcervoQueue.pending()).length === 0")
    progress = LessonProgress.objects.get(user=enrolled_learner, lesson=second)
    assert (progress.status, progress.position_seconds) == ("completed", 42)
    assert sent == [base + f"/api/v1/lessons/{second.pk}/progress/"]

    # Another replay, a reload online: nothing is sent twice, and the server now shows the completion.
    assert tab.evaluate("() => AcervoQueue.replay()") == 0
    tab.reload()
    assert tab.locator(".badge").inner_text() == "Lección completada"
    assert LessonProgress.objects.filter(user=enrolled_learner, lesson=second).count() == 1
    assert len(sent) == 1

    # Online, the button completes the lesson as before: on to the next one, with the message.
    tab.goto(first.url)
    tab.get_by_role("button", name="Marcar como completada").click()
    tab.wait_for_url(re.compile(re.escape(second.url) + "$"))
    assert "Lección marcada como completada." in tab.locator("main").inner_text()
    assert LessonProgress.objects.get(user=enrolled_learner, lesson=first).status == "completed"


def test_a_course_saved_without_an_account_opens_offline_and_can_be_removed(context, live_server, course_with_media):
    tree = course_with_media
    tab = context.new_page()
    tab.goto(tree.lessons[0].url)
    controlled_by_the_worker(tab)
    save_the_course(tab)

    context.set_offline(True)
    tab.goto(tree.lessons[2].url)
    assert tab.locator("h1").inner_text() == "Evaluación"
    tab.go_back()
    tab.get_by_role("button", name="Quitar de este dispositivo").click()
    tab.get_by_text("Se quitó el curso de este dispositivo.").wait_for()
    tab.goto(tree.lessons[2].url)
    assert tab.locator("h1").inner_text() == "Sin conexión"


def test_queued_progress_waits_for_its_learner_and_is_sent_with_a_fresh_csrf_token(
    context, live_server, enrolled_learner, course_with_media
):
    second = course_with_media.lessons[1]
    base = live_server.url
    sign_in(context, enrolled_learner, base)
    tab = context.new_page()
    tab.goto(course_with_media.lessons[0].url)
    controlled_by_the_worker(tab)
    save_the_course(tab)
    context.set_offline(True)
    tab.goto(second.url)
    tab.get_by_role("button", name="Marcar como completada").click()
    tab.get_by_text("se enviará cuando vuelva la conexión").wait_for()

    # Back online with nobody signed in (both cookies gone): the write stays queued for its owner.
    context.clear_cookies()
    context.set_offline(False)
    tab.goto(second.url)
    assert tab.evaluate("() => AcervoQueue.replay()") == 0
    assert len(queued(tab)) == 1
    assert not LessonProgress.objects.filter(lesson=second).exists()

    # Signed in again: no CSRF cookie yet, so the replay reads a fresh token before sending.
    sign_in(context, enrolled_learner, base)
    context.clear_cookies(name="csrftoken")
    tab.goto(second.url)
    assert wait_until(lambda: LessonProgress.objects.filter(lesson=second, status="completed").exists())
    tab.wait_for_function("async () => (await AcervoQueue.pending()).length === 0")
    assert LessonProgress.objects.filter(lesson=second).count() == 1
