"""Course report benchmark: the editors' report of one course with 100,000 enrolments, on PostgreSQL.

Usage: python bench/course_report_bench.py [--enrolments 100000]
       [--database postgres://postgres@127.0.0.1:5432/acervo_report_bench]

It recreates that database, builds a course of 8 lessons with a 5-question quiz, bulk-loads the
learners' rows (enrolments, lesson progress with a steady drop-off, first quiz attempts, a share of
completions spread over 1–60 days), then asks the admin for the course list, the course's report and
its CSV and XLSX exports as an editor would, printing for each the time (best of 3) and the number
of queries. The figures are aggregates: the query count must not grow with the enrolments.
"""

import argparse
import os
import random
import sys
import time
from datetime import timedelta
from pathlib import Path

from postgres_db import recreate_database

ROOT = Path(__file__).resolve().parent.parent
BATCH = 20_000


def build(enrolments):
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    from django.contrib.auth import get_user_model
    from django.utils import timezone
    from wagtail.rich_text import RichText

    from courses.models import (
        CoursePage,
        Enrolment,
        LessonPage,
        LessonProgress,
        ModulePage,
        Quiz,
        QuizAttempt,
        TrackPage,
    )
    from courses.site import ensure_course_index

    def publish(parent, page):
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page

    index = ensure_course_index()
    track = publish(index, TrackPage(title="Formación continua", slug="formacion"))
    course = publish(track, CoursePage(title="Evaluación formativa", slug="evaluacion-formativa", summary="Curso."))
    module = publish(course, ModulePage(title="Módulo", slug="modulo"))
    lessons = [
        publish(
            module, LessonPage(title=f"Lección {n}", slug=f"leccion-{n}", body=[("paragraph", RichText("<p>…</p>"))])
        )
        for n in range(1, 9)
    ]
    quiz = Quiz.objects.create(
        lesson=lessons[-1],
        title="Cuestionario",
        questions=[
            (
                "question",
                {
                    "text": f"Pregunta {n}",
                    "choices": [{"text": "Sí", "correct": True}, {"text": "No", "correct": False}],
                },
            )
            for n in range(1, 6)
        ],
    )
    question_ids = [str(block.id) for block in quiz.questions]

    User = get_user_model()
    rng = random.Random(7)
    now = timezone.now()
    started = time.perf_counter()
    for offset in range(0, enrolments, BATCH):
        count = min(BATCH, enrolments - offset)
        users = User.objects.bulk_create(
            [User(username=f"persona{offset + i}", password="!") for i in range(count)], batch_size=5000
        )
        rows, progress, attempts = [], [], []
        for user in users:
            reached = rng.choices(range(0, 9), weights=[5, 20, 12, 10, 8, 7, 6, 5, 27])[0]
            done = reached == 8 and rng.random() < 0.8
            enrolled_at = now - timedelta(days=rng.randint(1, 120))
            rows.append(
                Enrolment(
                    user=user,
                    course=course,
                    completed_at=enrolled_at + timedelta(days=rng.randint(1, 60)) if done else None,
                )
            )
            for n, lesson in enumerate(lessons[:reached]):
                status = "completed" if n < reached - 1 or done else "in_progress"
                progress.append(LessonProgress(user=user, lesson=lesson, status=status))
            if reached == 8:
                results = {qid: rng.random() < 0.3 + 0.12 * i for i, qid in enumerate(question_ids)}
                attempts.append(QuizAttempt(user=user, quiz=quiz, number=1, results=results, score="0.5", passed=done))
        Enrolment.objects.bulk_create(rows, batch_size=5000)
        LessonProgress.objects.bulk_create(progress, batch_size=5000)
        QuizAttempt.objects.bulk_create(attempts, batch_size=5000)
        print(f"  loaded {offset + count} enrolments", flush=True)
    print(f"data loaded in {time.perf_counter() - started:.0f} s")
    return course


def measure(course):
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from courses.models import Enrolment, LessonProgress, QuizAttempt

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    editor = get_user_model().objects.create_superuser("editora-bench", "e@example.mx", "clave-larga-123")
    client = Client()
    client.force_login(editor)
    print(
        f"rows: {Enrolment.objects.count()} enrolments, {LessonProgress.objects.count()} lesson progress, "
        f"{QuizAttempt.objects.count()} quiz attempts"
    )
    pages = {
        "course list": "/admin/informes/cursos/",
        "course report": f"/admin/informes/cursos/{course.pk}/",
        "CSV export": f"/admin/informes/cursos/{course.pk}/?export=csv",
        "XLSX export": f"/admin/informes/cursos/{course.pk}/?export=xlsx",
    }
    for label, url in pages.items():
        times = []
        for _ in range(3):
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                response = client.get(url)
                times.append(time.perf_counter() - start)
            assert response.status_code == 200, (url, response.status_code)
        print(f"{label:14s} best {min(times) * 1000:7.1f} ms  ({len(queries)} queries)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--enrolments", type=int, default=100_000)
    parser.add_argument("--database", default="postgres://postgres@127.0.0.1:5432/acervo_report_bench")
    args = parser.parse_args()
    recreate_database(args.database)
    os.environ["DATABASE_URL"] = args.database
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "acervo.settings.test")
    sys.path.insert(0, str(ROOT))
    course = build(args.enrolments)
    measure(course)


if __name__ == "__main__":
    main()
