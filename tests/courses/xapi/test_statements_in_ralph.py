"""Learning events reach a real LRS (Ralph) as xAPI statements: each once, none lost, no personal data."""

import json
import re
from collections import Counter

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from courses.models import XapiStatement
from courses.xapi import outbox
from tests.courses.conftest import make_learner, put_progress

from .conftest import BASE_URL

pytestmark = pytest.mark.django_db(transaction=True)

ADL = "http://adlnet.gov/expapi/verbs/"
EARNED = "https://w3id.org/xapi/tla/verbs/earned"


@pytest.fixture
def learner_xochitl(db):
    client = make_learner("xochitl.quetzal", "Xóchitl", "Quetzalcóatl")
    client.user.email = "xochitl.quetzal@example.mx"
    client.user.save()
    return client


def _learn_the_whole_course(client, course_tree):
    """Enrol, watch part of lesson one, finish the lessons, fail the quiz once, pass it: a certificate."""
    assert client.post("/api/v1/courses/didactica/enrolment/").status_code == 201
    one, two, quiz_lesson = course_tree.lessons
    assert put_progress(client, one, status="in_progress", position_seconds=30).status_code == 200
    assert put_progress(client, one, status="completed", position_seconds=95).status_code == 200
    assert put_progress(client, two, status="completed").status_code == 200
    assert put_progress(client, course_tree.optional, status="completed").status_code == 200
    return _pass_the_quiz(client, course_tree)


def _pass_the_quiz(client, course_tree):
    url = f"/api/v1/quizzes/{course_tree.quiz.pk}/attempts/"
    failed = client.post(url, {"answers": course_tree.answers(right=False)}, content_type="application/json")
    assert failed.status_code == 201 and not failed.json()["passed"]
    passed = client.post(url, {"answers": course_tree.answers(right=True)}, content_type="application/json")
    assert passed.status_code == 201 and passed.json()["passed"]
    return passed.json()["certificate"]["code"]


def _by_verb(found):
    return Counter(statement["verb"]["id"].rsplit("/", 1)[-1] for statement in found)


EXPECTED = {"registered": 1, "progressed": 2, "completed": 5, "answered": 2, "failed": 1, "passed": 1, "earned": 1}


def test_a_learners_course_arrives_in_the_lrs_once_and_without_personal_data(
    ralph, course_tree, learner_xochitl, settings
):
    code = _learn_the_whole_course(learner_xochitl, course_tree)
    # The worker (run at commit by the test task backend) sent everything already; running it again sends nothing.
    call_command("xapi_send", "--now", verbosity=0)

    found = ralph.statements()
    assert _by_verb(found) == EXPECTED  # completed: 4 lessons and the course
    assert len({statement["id"] for statement in found}) == len(found) == XapiStatement.objects.count()
    assert outbox.backlog() == 0

    actors = {json.dumps(statement["actor"], sort_keys=True) for statement in found}
    assert len(actors) == 1
    account = found[0]["actor"]["account"]
    assert account["homePage"] == BASE_URL and re.fullmatch(r"[0-9a-f]{32}", account["name"])
    text = json.dumps(found, ensure_ascii=False).lower()
    for personal in ("xochitl", "xóchitl", "quetzal", "@example.mx"):
        assert personal not in text

    by_id = {statement["verb"]["id"]: statement for statement in found}
    assert by_id[ADL + "registered"]["object"]["id"] == f"{BASE_URL}{course_tree.course.url}"
    progressed = [s for s in found if s["verb"]["id"] == ADL + "progressed"]
    positions = sorted(s["result"]["extensions"]["https://w3id.org/xapi/video/extensions/time"] for s in progressed)
    assert positions == [30, 95]
    assert {s["object"]["id"] for s in progressed} == {f"{BASE_URL}{course_tree.lessons[0].url}"}
    assert by_id[ADL + "failed"]["result"]["score"]["scaled"] == 0.0
    assert by_id[ADL + "passed"]["result"] == {"score": {"scaled": 1.0}, "success": True, "completion": True}
    assert (
        by_id[ADL + "passed"]["context"]["contextActivities"]["parent"][0]["id"]
        == by_id[ADL + "registered"]["object"]["id"]
    )
    assert by_id[EARNED]["object"]["id"] == f"{BASE_URL}/certificados/{code}/"


def test_statements_wait_while_the_lrs_is_down_and_arrive_once_when_it_is_back(
    ralph, course_tree, learner_xochitl, settings
):
    client = learner_xochitl
    assert client.post("/api/v1/courses/didactica/enrolment/").status_code == 201
    one, two, _quiz_lesson = course_tree.lessons
    assert put_progress(client, one, status="in_progress", position_seconds=30).status_code == 200
    assert _by_verb(ralph.statements()) == {"registered": 1, "progressed": 1}

    ralph.stop()
    # The learner keeps going: nothing they do fails or waits for the LRS.
    assert put_progress(client, one, status="completed", position_seconds=95).status_code == 200
    assert put_progress(client, two, status="completed").status_code == 200
    assert put_progress(client, course_tree.optional, status="completed").status_code == 200
    _pass_the_quiz(client, course_tree)
    waiting = outbox.backlog()
    assert waiting == sum(EXPECTED.values()) - 2
    assert outbox.pending().filter(attempts__gte=1).exclude(last_error="").exists()

    # Editors with the admin see the backlog.
    admin = get_user_model().objects.create_superuser("admin", "admin@example.mx", "contraseña-admin-123")
    editor = Client()
    editor.force_login(admin)
    report = editor.get("/admin/xapi-pendientes/").content.decode()
    assert "Declaraciones xAPI pendientes" in report and "passed" in report and "earned" in report

    # A try while it is still down keeps everything.
    call_command("xapi_send", "--now", verbosity=0)
    assert outbox.backlog() == waiting

    ralph.start()
    call_command("xapi_send", "--now", verbosity=0)
    assert outbox.backlog() == 0
    found = ralph.statements()
    assert _by_verb(found) == EXPECTED
    assert len({statement["id"] for statement in found}) == len(found)

    # Sending everything again (a worker that died after posting, before marking) doubles nothing.
    XapiStatement.objects.update(sent_at=None)
    call_command("xapi_send", "--now", verbosity=0)
    assert outbox.backlog() == 0
    assert _by_verb(ralph.statements()) == EXPECTED
    assert "No hay declaraciones pendientes" in editor.get("/admin/xapi-pendientes/").content.decode()


def test_deleting_the_account_drops_its_statements_and_sends_no_more(ralph, course_tree, learner_xochitl):
    client = learner_xochitl
    assert client.post("/api/v1/courses/didactica/enrolment/").status_code == 201
    ralph.stop()
    assert put_progress(client, course_tree.lessons[0], status="in_progress", position_seconds=12).status_code == 200
    assert outbox.backlog() == 1

    assert client.delete("/api/v1/me/").status_code == 204
    assert XapiStatement.objects.count() == 0

    ralph.start()
    call_command("xapi_send", "--now", verbosity=0)
    assert _by_verb(ralph.statements()) == {"registered": 1}


def test_without_an_lrs_nothing_is_queued(course_tree, learner_xochitl, settings, run_command):
    settings.XAPI_LRS_URL = ""
    assert learner_xochitl.post("/api/v1/courses/didactica/enrolment/").status_code == 201
    assert put_progress(learner_xochitl, course_tree.lessons[0], status="completed").status_code == 200
    assert XapiStatement.objects.count() == 0
    result = run_command("xapi_send")
    assert result.code != 0 and "XAPI_LRS_URL" in result.stderr


def test_the_request_only_queues_and_the_background_worker_sends(ralph, course_tree, learner_xochitl, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    from django_tasks_db.models import DBTaskResult

    client = learner_xochitl
    assert client.post("/api/v1/courses/didactica/enrolment/").status_code == 201
    assert put_progress(client, course_tree.lessons[0], status="in_progress", position_seconds=30).status_code == 200
    # Nothing went to the LRS during the requests: the statements and one sending task wait.
    assert ralph.statements() == [] and outbox.backlog() == 2
    assert DBTaskResult.objects.filter(task_path="courses.xapi.tasks.send_statements", status="READY").count() == 1

    call_command("db_worker", "--batch", "--no-startup-delay", "--queue-name", "*", verbosity=0)
    assert _by_verb(ralph.statements()) == {"registered": 1, "progressed": 1}
    assert outbox.backlog() == 0

    # With the LRS down, the worker keeps the statement and schedules its own retry for later.
    ralph.stop()
    assert put_progress(client, course_tree.lessons[0], status="in_progress", position_seconds=60).status_code == 200
    call_command("db_worker", "--batch", "--no-startup-delay", "--queue-name", "*", verbosity=0)
    assert outbox.backlog() == 1
    retry = DBTaskResult.objects.filter(task_path="courses.xapi.tasks.send_statements", status="READY").get()
    assert retry.run_after == outbox.pending().get().next_attempt_at
