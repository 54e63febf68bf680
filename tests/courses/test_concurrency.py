"""Simultaneous requests never lose a completion nor double an attempt (PostgreSQL, real threads)."""

import threading
import time

import pytest
from django.db import connection
from django.test import Client

from courses.models import Certificate, LessonPage, LessonProgress, ModulePage, QuizAttempt

from .conftest import make_learner, publish

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="Needs PostgreSQL row locks; run with DATABASE_URL=postgres://… (SQLite serialises every writer).",
    ),
    pytest.mark.django_db(transaction=True),
]

THREADS = 16


def run_together(work, count):
    """Run `work(i)` in `count` threads released at the same instant; each has its own connection."""
    barrier = threading.Barrier(count)
    results, errors = [None] * count, []

    def runner(i):
        try:
            barrier.wait()
            results[i] = work(i)
        except Exception as exc:  # reported by the test, not swallowed
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=runner, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    return results


def _session_client(user):
    client = Client()
    client.force_login(user)
    return client


def test_simultaneous_completions_are_never_lost_and_certify_once(course_tree):
    module = ModulePage.objects.get(slug="modulo-uno")
    for n in range(THREADS - 2):
        publish(module, LessonPage(title=f"Lección extra {n}", slug=f"extra-{n}"))
    learner = make_learner("concurrente")
    learner.post("/api/v1/courses/didactica/enrolment/")
    learner.post(
        f"/api/v1/quizzes/{course_tree.quiz.pk}/attempts/",
        {"answers": course_tree.answers()},
        content_type="application/json",
    )
    lessons = [
        lesson for lesson in course_tree.course.lessons if lesson.required and lesson.pk != course_tree.quiz.lesson_id
    ]
    assert len(lessons) == THREADS

    def complete(i):
        client = _session_client(learner.user)
        lesson = lessons[i]
        # Each thread also races an "in progress" write against its own completion.
        client.put(
            f"/api/v1/lessons/{lesson.pk}/progress/",
            {"status": "in_progress", "position_seconds": i},
            content_type="application/json",
        )
        return client.put(
            f"/api/v1/lessons/{lesson.pk}/progress/", {"status": "completed"}, content_type="application/json"
        ).status_code

    assert run_together(complete, THREADS) == [200] * THREADS
    completed = LessonProgress.objects.filter(user=learner.user, status="completed").count()
    assert completed == THREADS + 1  # every lesson plus the quiz lesson
    assert Certificate.objects.filter(user=learner.user).count() == 1
    [item] = learner.get("/api/v1/me/courses/").json()
    assert item["percent_complete"] == 100


def test_simultaneous_attempts_respect_the_limit_without_doubling(enrolled, course_tree):
    def attempt(_i):
        client = _session_client(enrolled.user)
        return client.post(
            f"/api/v1/quizzes/{course_tree.quiz.pk}/attempts/",
            {"answers": course_tree.answers(right=False)},
            content_type="application/json",
        ).status_code

    codes = run_together(attempt, 8)
    assert sorted(codes) == [201, 201] + [409] * 6
    numbers = list(QuizAttempt.objects.filter(user=enrolled.user).values_list("number", flat=True))
    assert sorted(numbers) == [1, 2]


def test_simultaneous_enrolments_create_one_row(learner, course_tree):
    def enrol(_i):
        return _session_client(learner.user).post("/api/v1/courses/didactica/enrolment/").status_code

    codes = run_together(enrol, 8)
    assert sorted(codes) == [200] * 7 + [201]


def _side_connection():
    """A connection of our own to the test database, outside Django's."""
    import psycopg

    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    return psycopg.connect(**params, autocommit=True)


def test_writes_queued_behind_the_certifying_write_see_its_certificate(course_tree):
    """Writes that waited for the learner's lock while another issued the certificate return it, never a second one.

    The test holds the enrolment lock itself until every write is queued on it, so each of them
    started before the certificate existed: the case where a stale read would issue it twice.
    """
    module = ModulePage.objects.get(slug="modulo-uno")
    for n in range(THREADS - 2):
        publish(module, LessonPage(title=f"Lección extra {n}", slug=f"extra-{n}"))
    # The quiz lesson is done by passing the quiz; these are the others.
    lessons = [
        lesson for lesson in course_tree.course.lessons if lesson.required and lesson.pk != course_tree.quiz.lesson_id
    ]
    learner = make_learner("en-fila")
    learner.post("/api/v1/courses/didactica/enrolment/")
    learner.post(
        f"/api/v1/quizzes/{course_tree.quiz.pk}/attempts/",
        {"answers": course_tree.answers()},
        content_type="application/json",
    )
    # Everything but the last lesson is done: the first write that completes it certifies the course.
    for lesson in lessons[:-1]:
        learner.put(f"/api/v1/lessons/{lesson.pk}/progress/", {"status": "completed"}, content_type="application/json")
    last = lessons[-1]
    assert not Certificate.objects.filter(user=learner.user).exists()

    def finish(i):
        response = _session_client(learner.user).put(
            f"/api/v1/lessons/{last.pk}/progress/",
            {"status": "completed", "position_seconds": i},
            content_type="application/json",
        )
        return response.status_code, response.json().get("certificate")

    results = []
    with _side_connection() as holder, _side_connection() as watcher:
        holder.execute("BEGIN")
        holder.execute("SELECT id FROM courses_enrolment WHERE user_id = %s FOR UPDATE", [learner.user.pk])
        writers = threading.Thread(target=lambda: results.extend(run_together(finish, THREADS)))
        writers.start()
        for _ in range(500):
            waiting = watcher.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
            ).fetchone()[0]
            if waiting == THREADS:
                break
            time.sleep(0.02)
        assert waiting == THREADS, "the writes never queued on the learner's lock"
        holder.execute("ROLLBACK")
        writers.join()

    assert [code for code, _certificate in results] == [200] * THREADS
    [certificate] = Certificate.objects.filter(user=learner.user)
    assert {c["code"] for _code, c in results} == {certificate.code}
