"""Enrolling and saving lesson progress.

Every write that can race takes the learner's enrolment row lock first, so the learner's writes to one
course are serialised: a completion is never lost, an attempt never doubled, a certificate issued once.
"""

from typing import NamedTuple

from django.db import IntegrityError, transaction

from courses import plan, progress_store
from courses.learning import completion
from courses.learning.errors import LessonNotFound, NotEnrolled
from courses.models import Enrolment
from courses.models.learner import ProgressStatus
from courses.xapi import events


class LessonState(NamedTuple):
    status: str
    position_seconds: int


def get_enrolment(user, course):
    if not user.is_authenticated:
        return None
    return Enrolment.objects.filter(user=user, course=course).first()


def enrolled_course_ids(user):
    if not user.is_authenticated:
        return set()
    return set(Enrolment.objects.filter(user=user).values_list("course_id", flat=True))


def enroll(user, course):
    """Enrol the learner once; returns (enrolment, created)."""
    try:
        with transaction.atomic():
            enrolment, created = Enrolment.objects.get_or_create(user=user, course=course)
            if created:
                events.enrolled(user, course.pk)
            return enrolment, created
    except IntegrityError:
        # A simultaneous request enrolled first; the row is there now.
        return Enrolment.objects.get(user=user, course=course), False


def lock_enrolment(user, course_id):
    """Lock the learner's enrolment until the transaction ends; returns its id."""
    enrolment_id = progress_store.lock_enrolment(user.pk, course_id)
    if enrolment_id is None:
        raise NotEnrolled()
    return enrolment_id


def record_progress(user, lesson_id, status, position_seconds=None):
    """Save where the learner is in a published lesson; idempotent, and a completed lesson never goes back.

    Returns the lesson's state as stored and the course state (percent done, certificate).
    """
    course_plan = plan.for_lesson(lesson_id)
    if course_plan is None:
        raise LessonNotFound()
    with transaction.atomic():
        enrolment_id = lock_enrolment(user, course_plan.course_id)
        state = LessonState(*progress_store.write_lesson(user.pk, lesson_id, status, position_seconds))
        events.lesson_progress(
            user, course_plan.course_id, lesson_id, position_seconds, completed=status == ProgressStatus.COMPLETED
        )
        outcome = completion.settle(user, course_plan, enrolment_id)
    return state, outcome
