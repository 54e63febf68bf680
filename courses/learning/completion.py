"""How far the learner is in a course, and the certificate the moment the completion rule holds."""

from courses import plan, progress_store
from courses.learning import certificates
from courses.models import Enrolment
from courses.xapi import events


def _course_state(user, course_plan):
    """(counted lessons done with their quizzes passed, certificate code or None): one query."""
    return progress_store.course_state(
        user.pk, course_plan.course_id, course_plan.counted_ids, course_plan.quiz_lesson_ids
    )


def _percent(done, course_plan):
    total = len(course_plan.counted_ids)
    return round(100 * done / total) if total else 0


def standing(user, course):
    """(percent done, certificate code or None) of the learner in a course."""
    course_plan = plan.for_course(course.pk)
    if course_plan is None:
        return 0, None
    done, code = _course_state(user, course_plan)
    return _percent(done, course_plan), code


def percent_complete(user, course):
    return standing(user, course)[0]


def settle(user, course_plan, enrolment_id):
    """With the enrolment locked: the percent done, and the certificate issued if the rule now holds."""
    done, code = _course_state(user, course_plan)
    if code is None and course_plan.counted_ids and done == len(course_plan.counted_ids):
        certificate = certificates.create(user, course_plan)
        Enrolment.objects.filter(pk=enrolment_id).update(completed_at=certificate.issued_at)
        events.course_completed(user, course_plan.course_id, certificate.code)
        code = certificate.code
    return {"percent_complete": _percent(done, course_plan), "certificate": certificates.certificate_link(code)}
