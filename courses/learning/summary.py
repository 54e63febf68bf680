"""What the learner sees of their courses: percent done, where to resume, the certificate."""

from courses.learning import certificates, completion
from courses.models import Enrolment, LessonProgress
from courses.models.learner import ProgressStatus


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


def course_summary(user, course, request=None):
    """Percent done, where to resume and the certificate, as the dashboard and the API show them."""
    lessons = list(course.lessons)
    lesson, position = _resume(user, lessons)
    percent, code = completion.standing(user, course)
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
        "certificate": certificates.certificate_link(code),
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
