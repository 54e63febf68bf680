"""The learner's hot path in plain SQL: lock the enrolment, write lesson progress, count what is done.

A video page saves its position every few seconds for every learner watching, so these three statements
run far more often than anything else in the courses app. They are written once, in SQL that both
PostgreSQL and SQLite (3.35 or newer) accept, instead of through the ORM, whose query building costs
more than the database work here. `courses.api` holds the rules; this module only reads and writes rows.
"""

from django.db import connection
from django.utils import timezone

from courses.models import Certificate, Enrolment, LessonProgress, Quiz, QuizAttempt
from courses.models.learner import ProgressStatus

COMPLETED = ProgressStatus.COMPLETED.value


def _table(model):
    return connection.ops.quote_name(model._meta.db_table)


def _placeholders(values):
    return ", ".join(["%s"] * len(values))


def lock_enrolment(user_id, course_id):
    """Lock the learner's enrolment row until the transaction ends; returns its id, or None when not enrolled.

    Nothing else is read here: this statement's snapshot predates the wait for the lock, so what the
    previous holder wrote is only visible to the statements that follow (PostgreSQL, READ COMMITTED).
    SQLite has no row locks; its writers are serialised by the IMMEDIATE transactions of the settings.
    """
    lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
    sql = f"SELECT e.id FROM {_table(Enrolment)} e WHERE e.user_id = %s AND e.course_id = %s{lock}"
    with connection.cursor() as cursor:
        cursor.execute(sql, [user_id, course_id])
        row = cursor.fetchone()
    return row[0] if row else None


def write_lesson(user_id, lesson_id, status, position_seconds=None):
    """Insert or update the learner's row for a lesson; a completed lesson stays completed.

    `position_seconds` None keeps the stored position. Returns (status, position_seconds).
    Call it with the enrolment locked, so that the learner's writes to one course are serialised.
    """
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    completed_at = now if status == COMPLETED else None
    table = _table(LessonProgress)
    sql = (
        f"INSERT INTO {table} (user_id, lesson_id, status, position_seconds, started_at, updated_at, completed_at) "
        f"VALUES (%s, %s, %s, %s, %s, %s, %s) "
        f"ON CONFLICT (user_id, lesson_id) DO UPDATE SET "
        f"status = CASE WHEN {table}.status = %s THEN {table}.status ELSE excluded.status END, "
        f"completed_at = COALESCE({table}.completed_at, excluded.completed_at), "
        f"position_seconds = COALESCE(%s, {table}.position_seconds), "
        f"updated_at = excluded.updated_at "
        f"RETURNING status, position_seconds"
    )
    params = [user_id, lesson_id, status, position_seconds or 0, now, now, completed_at, COMPLETED, position_seconds]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()


def course_state(user_id, course_id, counted_ids, quiz_lesson_ids):
    """(how many of `counted_ids` are done, the code of the learner's certificate for the course or None).

    A lesson is done when completed and, if it is in `quiz_lesson_ids`, its quiz passed.
    """
    certificate = f"SELECT c.code FROM {_table(Certificate)} c WHERE c.user_id = %s AND c.course_id = %s LIMIT 1"
    if not counted_ids:
        with connection.cursor() as cursor:
            cursor.execute(certificate, [user_id, course_id])
            row = cursor.fetchone()
        return 0, row[0] if row else None
    sql = (
        f"SELECT COUNT(*), ({certificate}) FROM {_table(LessonProgress)} p "
        f"WHERE p.user_id = %s AND p.status = %s AND p.lesson_id IN ({_placeholders(counted_ids)})"
    )
    params = [user_id, course_id, user_id, COMPLETED, *counted_ids]
    if quiz_lesson_ids:
        sql += (
            f" AND (p.lesson_id NOT IN ({_placeholders(quiz_lesson_ids)}) OR EXISTS ("
            f"SELECT 1 FROM {_table(QuizAttempt)} a JOIN {_table(Quiz)} q ON q.id = a.quiz_id "
            f"WHERE a.user_id = p.user_id AND q.lesson_id = p.lesson_id AND a.passed))"
        )
        params += sorted(quiz_lesson_ids)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        done, code = cursor.fetchone()
    return done, code
