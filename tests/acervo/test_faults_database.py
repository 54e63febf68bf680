"""PostgreSQL cut in the middle of a request: a Spanish 503, a retry that works, nothing half written.

The site runs as in production, in its own process (granian), and reaches the test database through
tests/acervo/tcp_proxy.py, which drops every connection on demand or at the moment a chosen SQL
statement is sent. The rows are checked afterwards from the test's own, direct connection.
"""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
import requests
from django.conf import settings
from django.db import connection
from django.utils.crypto import get_random_string

from courses.models import Certificate, Enrolment, LessonProgress
from tests.courses.conftest import course_tree, make_learner  # noqa: F401 (fixture)

from .tcp_proxy import TcpProxy

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="Needs PostgreSQL behind a TCP proxy; run with DATABASE_URL=postgres://… (SQLite has no connection).",
    ),
    pytest.mark.django_db(transaction=True),
]

BASE_DIR = Path(settings.BASE_DIR)
GRANIAN = Path(sys.executable).with_name("granian")
MESSAGE = "El servicio no está disponible por un momento"


class Site:
    """The site served by granian in a subprocess, its database reached through the proxy."""

    def __init__(self, proxy, tmp_path):
        db = connection.settings_dict
        credentials = quote(db["USER"] or "postgres") + (f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else "")
        self.proxy = proxy
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "acervo.settings.test",
            "DATABASE_URL": f"postgres://{credentials}@127.0.0.1:{proxy.port}/{db['NAME']}?sslmode=disable",
            "DATABASE_CONN_MAX_AGE": "60",
            "ACERVO_TEST_DATA_DIR": str(tmp_path / "site"),
            "REDIS_URL": "",
        }
        self.process = subprocess.Popen(
            [str(GRANIAN), "--interface", "wsgi", "--host", "127.0.0.1", "--port", str(port)]
            + ["--workers", "1", "--blocking-threads", "1", "--log-level", "warning", "acervo.wsgi:application"],
            cwd=BASE_DIR,
            env=env,
        )
        try:
            self._wait_until_up()
        except Exception:
            self.stop()
            raise

    def _wait_until_up(self):
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"granian terminó con código {self.process.returncode}")
            try:
                requests.get(f"{self.url}/robots.txt", timeout=30)  # the first request loads the URLs
                return
            except requests.RequestException:
                time.sleep(0.2)
        raise RuntimeError("granian no respondió en 60 s")

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@pytest.fixture
def proxy():
    db = connection.settings_dict
    tcp_proxy = TcpProxy(db["HOST"] or "127.0.0.1", int(db["PORT"] or 5432))
    yield tcp_proxy
    tcp_proxy.close()


@pytest.fixture
def site(proxy, tmp_path):
    server = Site(proxy, tmp_path)
    yield server
    server.stop()


def learner_session(client):
    """A `requests` session carrying the learner's session cookie and a CSRF token, as a browser would."""
    session = requests.Session()
    token = get_random_string(32)
    session.cookies.set(settings.SESSION_COOKIE_NAME, client.cookies[settings.SESSION_COOKIE_NAME].value)
    session.cookies.set(settings.CSRF_COOKIE_NAME, token)
    session.headers.update({"X-CSRFToken": token})
    return session


def assert_unavailable_json(response):
    assert response.status_code == 503
    assert response.headers["Content-Type"].startswith("application/json")
    assert response.headers["Retry-After"]
    assert MESSAGE in response.json()["errors"]["detail"]


def test_page_cut_mid_request_gets_spanish_503_page_and_retry_works(site, course_tree):  # noqa: F811
    page = f"{site.url}{course_tree.course.url}"
    assert requests.get(page, timeout=30).status_code == 200
    site.proxy.cut_when(b"wagtailcore_page")
    response = requests.get(f"{page}?otra=1", timeout=30)
    assert site.proxy.triggered.is_set()
    assert response.status_code == 503
    assert response.headers["Content-Type"].startswith("text/html")
    assert MESSAGE in response.text and "Servicio no disponible" in response.text
    assert "Traceback" not in response.text and "OperationalError" not in response.text
    retry = requests.get(f"{page}?otra=2", timeout=30)
    assert retry.status_code == 200
    assert course_tree.course.title in retry.text


def test_api_after_connections_dropped_gets_json_503_then_retry_works(site, course_tree):  # noqa: F811
    api = f"{site.url}/api/v1/courses/"
    assert requests.get(api, timeout=30).status_code == 200
    site.proxy.cut()  # the server's persistent connection is gone, as after a PostgreSQL restart
    assert_unavailable_json(requests.get(api, timeout=30))
    retry = requests.get(api, timeout=30)
    assert retry.status_code == 200
    assert [course["slug"] for course in retry.json()] == ["didactica"]


def test_enrolment_cut_before_commit_leaves_nothing_and_retry_enrols_once(site, course_tree):  # noqa: F811
    learner = make_learner("ana")
    browser = learner_session(learner)
    enrolment = f"{site.url}/api/v1/courses/didactica/enrolment/"
    site.proxy.cut_when(b"COMMIT")
    assert_unavailable_json(browser.post(enrolment, timeout=30))
    assert site.proxy.triggered.is_set()
    assert not Enrolment.objects.filter(user=learner.user).exists()
    assert browser.post(enrolment, timeout=30).status_code == 201
    assert Enrolment.objects.filter(user=learner.user).count() == 1


def test_progress_cut_while_certifying_writes_nothing_and_retry_certifies_once(site, course_tree):  # noqa: F811
    """The last lesson's completion writes progress, a certificate and the enrolment: all or nothing."""
    learner = make_learner("ana")
    assert learner.post("/api/v1/courses/didactica/enrolment/").status_code == 201
    first, last, quiz_lesson = course_tree.lessons
    attempt = learner.post(
        f"/api/v1/quizzes/{course_tree.quiz.pk}/attempts/",
        {"answers": course_tree.answers()},
        content_type="application/json",
    )
    assert attempt.status_code == 201
    learner.put(f"/api/v1/lessons/{first.pk}/progress/", {"status": "completed"}, content_type="application/json")
    browser = learner_session(learner)
    progress = f"{site.url}/api/v1/lessons/{last.pk}/progress/"

    # The progress row and the certificate are written; the cut comes as the enrolment is marked complete.
    site.proxy.cut_when(b'UPDATE "courses_enrolment"')
    assert_unavailable_json(browser.put(progress, json={"status": "completed"}, timeout=30))
    assert site.proxy.triggered.is_set()
    assert not LessonProgress.objects.filter(user=learner.user, lesson_id=last.pk).exists()
    assert not Certificate.objects.filter(user=learner.user).exists()
    assert Enrolment.objects.get(user=learner.user).completed_at is None

    retry = browser.put(progress, json={"status": "completed"}, timeout=30)
    assert retry.status_code == 200
    assert retry.json()["percent_complete"] == 100 and retry.json()["certificate"]["code"]
    assert LessonProgress.objects.get(user=learner.user, lesson_id=last.pk).status == "completed"
    assert Certificate.objects.filter(user=learner.user).count() == 1
    assert Enrolment.objects.get(user=learner.user).completed_at is not None


def test_cut_inside_a_middleware_also_gets_the_503_page(site, course_tree):  # noqa: F811
    """A 404 makes Wagtail's redirect middleware look up redirects: a cut there is met outside any view."""
    missing = f"{site.url}/no-existe-esta-pagina/"
    assert requests.get(missing, timeout=30).status_code == 404
    site.proxy.cut_when(b"wagtailredirects_redirect")
    response = requests.get(missing, timeout=30)
    assert site.proxy.triggered.is_set()
    assert response.status_code == 503
    assert MESSAGE in response.text and "Traceback" not in response.text
    assert requests.get(missing, timeout=30).status_code == 404
