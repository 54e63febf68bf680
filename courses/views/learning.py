"""Learner pages that work without JavaScript: dashboard, enrol, complete a lesson, answer a quiz, data rights."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from courses import api
from courses.models import Certificate


@login_required
@require_GET
def dashboard(request):
    return render(
        request,
        "courses/dashboard.html",
        {
            "courses": api.my_courses(request.user, request),
            "certificates": Certificate.objects.filter(user=request.user).order_by("-issued_at"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def enrol(request, slug):
    course = api.course_by_slug(slug)
    if course is None:
        raise Http404(_("No existe un curso publicado con ese identificador."))
    if request.method == "GET":
        # Arriving here after logging in: show the course and its enrol button rather than a 405.
        return redirect(course.url)
    _enrolment, created = api.enroll(request.user, course)
    if created:
        messages.success(request, _("Te inscribiste en «%(course)s».") % {"course": course.title})
    first = course.lessons.first()
    return redirect(first.url if first else course.url)


@login_required
@require_POST
def complete_lesson(request, lesson_id):
    lesson = api.published_lesson(lesson_id)
    if lesson is None:
        raise Http404(_("No existe una lección publicada con ese identificador."))
    try:
        api.record_progress(request.user, lesson.pk, "completed")
    except api.NotEnrolled as exc:
        messages.error(request, exc.errors["detail"])
        return redirect(lesson.course.url)
    messages.success(request, _("Lección marcada como completada."))
    following = _next_lesson(lesson)
    return redirect(following.url if following else lesson.course.url)


def _next_lesson(lesson):
    lessons = list(lesson.course.lessons)
    ids = [item.pk for item in lessons]
    index = ids.index(lesson.pk)
    return lessons[index + 1] if index + 1 < len(lessons) else None


@login_required
@require_POST
def submit_quiz(request, quiz_id):
    quiz = api.published_quiz(quiz_id)
    if quiz is None:
        raise Http404(_("No existe un cuestionario publicado con ese identificador."))
    answers = {question.id: request.POST.getlist(f"q-{question.id}") for question in quiz.question_items()}
    try:
        attempt, _outcome = api.submit_attempt(request.user, quiz, answers)
    except api.CourseError as exc:
        messages.error(
            request, next(iter(exc.errors.values())) if "detail" in exc.errors else _("Respuestas no válidas.")
        )
        return redirect(quiz.lesson.url)
    course = quiz.lesson.course
    items = [
        {"text": question.text, "right": attempt.results.get(question.id, False)} for question in quiz.question_items()
    ]
    return render(
        request,
        "courses/quiz_result.html",
        {
            "quiz": quiz,
            "lesson": quiz.lesson,
            "attempt": attempt,
            "score_percent": round(float(attempt.score) * 100),
            "items": items,
            "attempts_left": max(quiz.max_attempts - attempt.number, 0) if quiz.max_attempts else None,
            "summary": api.course_summary(request.user, course, request),
            "next_lesson": _next_lesson(quiz.lesson),
        },
        status=201,
    )


@login_required
@require_GET
def download_my_data(request):
    data = api.export_learner_data(request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
    )
    stamp = timezone.now().strftime("%Y%m%d")
    response["Content-Disposition"] = f'attachment; filename="mis-datos-acervo-{stamp}.json"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request):
    error = None
    if request.method == "POST":
        if request.POST.get("confirm_username", "").strip() == request.user.get_username():
            user = request.user
            api.delete_learner(user)
            logout(request)
            messages.success(request, _("Tu cuenta y tus datos personales fueron eliminados."))
            return redirect("/")
        error = _("Escribe tu nombre de usuario exactamente para confirmar.")
    return render(request, "courses/delete_account.html", {"error": error}, status=400 if error else 200)
