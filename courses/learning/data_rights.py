"""The learner's data rights (ARCO): everything held about them, and deleting the account."""

from django.db import transaction
from django.utils import timezone

from courses.learning.certificates import certificate_url
from courses.models import Certificate, Enrolment, LessonProgress, QuizAttempt


def _iso(value):
    return value.isoformat() if value else None


def export_learner_data(user):
    """Everything Acervo holds about the learner, as plain JSON-ready data."""
    return {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "username": user.get_username(),
            "first_name": user.first_name,
            "last_name": user.last_name,
            "email": user.email,
            "date_joined": _iso(user.date_joined),
            "last_login": _iso(user.last_login),
        },
        "enrolments": [
            {
                "course": enrolment.course.slug,
                "course_title": enrolment.course.title,
                "enrolled_at": _iso(enrolment.created_at),
                "completed_at": _iso(enrolment.completed_at),
            }
            for enrolment in Enrolment.objects.filter(user=user).select_related("course").order_by("pk")
        ],
        "lesson_progress": [
            {
                "lesson_id": row.lesson_id,
                "lesson_title": row.lesson.title,
                "status": row.status,
                "position_seconds": row.position_seconds,
                "started_at": _iso(row.started_at),
                "updated_at": _iso(row.updated_at),
                "completed_at": _iso(row.completed_at),
            }
            for row in LessonProgress.objects.filter(user=user).select_related("lesson").order_by("pk")
        ],
        "quiz_attempts": [
            {
                "quiz_id": row.quiz_id,
                "attempt": row.number,
                "answers": row.answers,
                "results": row.results,
                "score": float(row.score),
                "passed": row.passed,
                "submitted_at": _iso(row.created_at),
            }
            for row in QuizAttempt.objects.filter(user=user).order_by("pk")
        ],
        "certificates": [
            {
                "code": row.code,
                "course_title": row.course_title,
                "holder_name": row.holder_name,
                "issued_at": _iso(row.issued_at),
                "url": certificate_url(row.code),
            }
            for row in Certificate.objects.filter(user=user).order_by("pk")
        ],
    }


@transaction.atomic
def delete_learner(user):
    """Delete the account and its personal data.

    However an account is deleted (here, the dashboard or the admin), the `pre_delete` handler in
    `courses.signals` keeps its certificates valid but anonymised and drops its pending xAPI statements.
    """
    user.delete()
