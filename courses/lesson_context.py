"""What a lesson page shows the visitor: neighbours, their progress, the quiz without its answers."""

from django.middleware.csrf import get_token

from courses import api
from courses.models import LessonProgress, QuizAttempt


def _position_from(request, saved):
    """`?t=125` (from "Continuar") wins over the saved position; bad values are ignored."""
    raw = request.GET.get("t", "") if request is not None else ""
    if raw.isdigit() and len(raw) < 7:
        return int(raw)
    return saved


def build(lesson, request):
    course = lesson.course
    lessons = list(course.lessons) if course else []
    ids = [item.pk for item in lessons]
    index = ids.index(lesson.pk) if lesson.pk in ids else None
    user = request.user if request is not None else None
    context = {
        "course": course,
        "previous_lesson": lessons[index - 1] if index else None,
        "next_lesson": lessons[index + 1] if index is not None and index + 1 < len(lessons) else None,
        "lesson_number": (index + 1) if index is not None else None,
        "lesson_total": len(lessons),
        "enrolment": None,
        "progress": None,
        "quiz_data": None,
        "attempts": [],
        "attempts_left": None,
    }
    if user is None or course is None:
        return context
    context["enrolment"] = api.get_enrolment(user, course)
    if context["enrolment"] is None:
        return context
    get_token(request)  # the progress script sends it back on its PUTs
    progress = LessonProgress.objects.filter(user=user, lesson=lesson).first()
    context["progress"] = progress
    context["start_position"] = _position_from(request, progress.position_seconds if progress else 0)
    quiz = lesson.quiz
    if quiz is not None:
        context["quiz_data"] = api.quiz_for_learner(user, quiz)
        attempts = list(QuizAttempt.objects.filter(user=user, quiz=quiz))
        context["attempts"] = attempts
        context["quiz_passed"] = any(attempt.passed for attempt in attempts)
        if quiz.max_attempts:
            context["attempts_left"] = max(quiz.max_attempts - len(attempts), 0)
    context["summary"] = api.course_summary(user, course, request=request)
    return context
