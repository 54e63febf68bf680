"""The courses app's public functions: enrolment, progress, quizzes, certificates and data rights.

Views, commands and other apps call these, never the learner models directly. Every write that
can race takes the learner's enrolment row lock first, so the learner's writes to one course are
serialised: a completion is never lost, an attempt never doubled, a certificate issued exactly once.
"""

import secrets
from decimal import Decimal
from typing import NamedTuple

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courses import plan, progress_store
from courses.credentials import status_list
from courses.models import Certificate, CoursePage, Enrolment, LessonPage, LessonProgress, Quiz, QuizAttempt
from courses.models.learner import ProgressStatus

# Unambiguous letters and digits, easy to read off a printed certificate: 20 of them is ~100 bits.
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 20


class CourseError(Exception):
    """A learner action that cannot be done; `errors` is shown to them as is."""

    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


class NotEnrolled(CourseError):
    def __init__(self):
        super().__init__({"detail": _("Primero inscríbete en el curso.")})


class AttemptsExhausted(CourseError):
    def __init__(self):
        super().__init__({"detail": _("Ya usaste todos los intentos permitidos de este cuestionario.")})


class InvalidAnswers(CourseError):
    pass


class LessonNotFound(CourseError):
    def __init__(self):
        super().__init__({"detail": _("No existe una lección publicada con ese identificador.")})


# --- Lookups -------------------------------------------------------------------------------


def published_courses():
    return CoursePage.objects.live().public().specific().order_by("path")


def course_by_slug(slug):
    return published_courses().filter(slug=slug).first()


def is_published_lesson(lesson_id):
    """True when the lesson and its course are live and public; answered from the course plan, no query."""
    return plan.for_lesson(lesson_id) is not None


def published_lesson(lesson_id):
    return LessonPage.objects.filter(pk=lesson_id).first() if is_published_lesson(lesson_id) else None


def published_quiz(quiz_id):
    if not 0 < quiz_id <= plan.MAX_ID:
        return None
    quiz = Quiz.objects.filter(pk=quiz_id).select_related("lesson").first()
    if quiz is None or not quiz.lesson.live:
        return None
    return quiz


def get_enrolment(user, course):
    if not user.is_authenticated:
        return None
    return Enrolment.objects.filter(user=user, course=course).first()


def enrolled_course_ids(user):
    if not user.is_authenticated:
        return set()
    return set(Enrolment.objects.filter(user=user).values_list("course_id", flat=True))


def certificate_by_code(code):
    return Certificate.objects.filter(code=code).first()


# --- Enrolment and progress ------------------------------------------------------------------


def enroll(user, course):
    """Enrol the learner once; returns (enrolment, created)."""
    try:
        with transaction.atomic():
            return Enrolment.objects.get_or_create(user=user, course=course)
    except IntegrityError:
        # A simultaneous request enrolled first; the row is there now.
        return Enrolment.objects.get(user=user, course=course), False


def _lock_enrolment(user, course_id):
    """Lock the learner's enrolment until the transaction ends; returns its id."""
    enrolment_id = progress_store.lock_enrolment(user.pk, course_id)
    if enrolment_id is None:
        raise NotEnrolled()
    return enrolment_id


class LessonState(NamedTuple):
    status: str
    position_seconds: int


def record_progress(user, lesson_id, status, position_seconds=None):
    """Save where the learner is in a published lesson; idempotent, and a completed lesson never goes back.

    Returns the lesson's state as stored and the course state (percent done, certificate).
    """
    course_plan = plan.for_lesson(lesson_id)
    if course_plan is None:
        raise LessonNotFound()
    with transaction.atomic():
        enrolment_id = _lock_enrolment(user, course_plan.course_id)
        state = LessonState(*progress_store.write_lesson(user.pk, lesson_id, status, position_seconds))
        outcome = _settle_course(user, course_plan, enrolment_id)
    return state, outcome


# --- Completion ----------------------------------------------------------------------------


def _course_state(user, course_plan):
    """(counted lessons done with their quizzes passed, certificate code or None): one query."""
    return progress_store.course_state(
        user.pk, course_plan.course_id, course_plan.counted_ids, course_plan.quiz_lesson_ids
    )


def _percent(done, course_plan):
    total = len(course_plan.counted_ids)
    return round(100 * done / total) if total else 0


def _standing(user, course):
    """(percent done, certificate code or None) of the learner in a course."""
    course_plan = plan.for_course(course.pk)
    if course_plan is None:
        return 0, None
    done, code = _course_state(user, course_plan)
    return _percent(done, course_plan), code


def percent_complete(user, course):
    return _standing(user, course)[0]


def _new_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def _create_certificate(user, course_plan, attempts=5):
    """The certificate row with its revocation bit; a bit taken at the same instant is picked again."""
    for attempt in range(attempts):
        try:
            with transaction.atomic():
                return Certificate.objects.create(
                    code=_new_code(),
                    user=user,
                    course_id=course_plan.course_id,
                    holder_name=user.get_full_name() or user.get_username(),
                    course_title=course_plan.title,
                    course_hours=course_plan.hours,
                    track_title=course_plan.track_title,
                    status_index=status_list.allocate_index(),
                )
        except IntegrityError:
            if attempt == attempts - 1:
                raise


def _settle_course(user, course_plan, enrolment_id):
    """With the enrolment locked: the percent done, and the certificate issued if the rule now holds."""
    done, code = _course_state(user, course_plan)
    if code is None and course_plan.counted_ids and done == len(course_plan.counted_ids):
        certificate = _create_certificate(user, course_plan)
        Enrolment.objects.filter(pk=enrolment_id).update(completed_at=certificate.issued_at)
        code = certificate.code
    return {
        "percent_complete": _percent(done, course_plan),
        "certificate": {"code": code, "url": certificate_url(code)} if code else None,
    }


def issue_certificate_if_complete(user, course):
    """Issue the course certificate the moment the completion rule holds; returns it or None."""
    course_plan = plan.for_course(course.pk)
    if course_plan is None:
        return None
    with transaction.atomic():
        _settle_course(user, course_plan, _lock_enrolment(user, course_plan.course_id))
    return Certificate.objects.filter(user=user, course=course).first()


# --- Quizzes -------------------------------------------------------------------------------


def quiz_for_learner(user, quiz):
    """The quiz as a learner may see it before answering: no hint of the right choices."""
    if get_enrolment(user, quiz.lesson.course) is None:
        raise NotEnrolled()
    return {
        "id": quiz.pk,
        "title": quiz.title,
        "lesson_id": quiz.lesson_id,
        "questions": [
            {
                "id": question_id,
                "text": text,
                "multiple": multiple,
                "choices": [{"id": choice_id, "text": choice_text} for choice_id, choice_text, _c in choices],
            }
            for question_id, text, choices, multiple in quiz.question_items()
        ],
        "max_attempts": quiz.max_attempts,
        "pass_score": float(quiz.pass_score),
        "attempts_used": QuizAttempt.objects.filter(user=user, quiz=quiz).count(),
    }


def _grade(quiz, answers):
    items = quiz.question_items()
    known = {question_id: {choice[0] for choice in choices} for question_id, _t, choices, _m in items}
    errors = {}
    for question_id, chosen in answers.items():
        if question_id not in known:
            errors[question_id] = _("Esta pregunta no pertenece al cuestionario.")
        elif not set(chosen) <= known[question_id]:
            errors[question_id] = _("Alguna opción elegida no pertenece a esta pregunta.")
    if errors:
        raise InvalidAnswers({"answers": errors})
    results = {}
    for question_id, _text, choices, _multiple in items:
        right = {choice_id for choice_id, _t, correct in choices if correct}
        results[question_id] = set(answers.get(question_id, [])) == right
    score = Decimal(sum(results.values()) / len(results) if results else 0).quantize(Decimal("0.001"))
    return results, score


def submit_attempt(user, quiz, answers):
    """Grade a submission on the server and record it as the learner's next attempt."""
    course_plan = plan.for_lesson(quiz.lesson_id)
    if course_plan is None:
        raise LessonNotFound()
    with transaction.atomic():
        enrolment_id = _lock_enrolment(user, course_plan.course_id)
        used = QuizAttempt.objects.filter(user=user, quiz=quiz).count()
        if quiz.max_attempts and used >= quiz.max_attempts:
            raise AttemptsExhausted()
        results, score = _grade(quiz, answers)
        passed = score >= quiz.pass_score
        attempt = QuizAttempt.objects.create(
            user=user,
            quiz=quiz,
            number=used + 1,
            answers={question_id: sorted(chosen) for question_id, chosen in answers.items()},
            results=results,
            score=score,
            passed=passed,
        )
        if passed:
            progress_store.write_lesson(user.pk, quiz.lesson_id, ProgressStatus.COMPLETED)
        outcome = _settle_course(user, course_plan, enrolment_id)
    return attempt, outcome


# --- What the learner sees -----------------------------------------------------------------


def _resume(user, lessons):
    """The lesson and position to continue from: the last one touched and unfinished, else the next to do."""
    by_id = {lesson.pk: lesson for lesson in lessons}
    rows = LessonProgress.objects.filter(user=user, lesson_id__in=by_id).order_by("-updated_at", "-pk")
    for row in rows:
        if row.status != ProgressStatus.COMPLETED:
            return by_id[row.lesson_id], row.position_seconds
    done = {row.lesson_id for row in rows if row.status == ProgressStatus.COMPLETED}
    for lesson in lessons:
        if lesson.pk not in done:
            return lesson, 0
    if lessons:
        return lessons[0], 0
    return None, 0


def lesson_url(lesson, position_seconds=0, request=None):
    url = lesson.get_url(request=request)
    if url and position_seconds:
        url = f"{url}?t={position_seconds}"
    return url


def certificate_url(code):
    return f"/certificados/{code}/"


def course_summary(user, course, request=None):
    """Percent done, where to resume and the certificate, as the dashboard and the API show them."""
    lessons = list(course.lessons)
    lesson, position = _resume(user, lessons)
    percent, code = _standing(user, course)
    return {
        "percent_complete": percent,
        "resume": (
            {
                "lesson_id": lesson.pk,
                "title": lesson.title,
                "position_seconds": position,
                "url": lesson_url(lesson, position, request),
            }
            if lesson
            else None
        ),
        "certificate": {"code": code, "url": certificate_url(code)} if code else None,
    }


def my_courses(user, request=None):
    enrolments = Enrolment.objects.filter(user=user).select_related("course").order_by("-created_at", "-pk")
    items = []
    for enrolment in enrolments:
        course = enrolment.course.specific
        items.append(
            {
                "course": {"slug": course.slug, "title": course.title, "url": course.get_url(request=request)},
                "enrolled_at": enrolment.created_at.isoformat(),
                "completed_at": enrolment.completed_at.isoformat() if enrolment.completed_at else None,
                **course_summary(user, course, request),
            }
        )
    return items


# --- Data rights (ARCO) --------------------------------------------------------------------


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


def anonymise_certificates(user):
    """Certificates outlive the account as valid, but no longer name anyone."""
    Certificate.objects.filter(user=user).update(user=None, holder_name="")


@transaction.atomic
def delete_learner(user):
    """Delete the account and its personal data; certificates stay valid, anonymised."""
    anonymise_certificates(user)
    user.delete()
