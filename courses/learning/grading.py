"""Quizzes: what the learner sees before answering, grading on the server, and recording attempts."""

from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from courses import plan, progress_store
from courses.learning import completion
from courses.learning.enrolment import get_enrolment, lock_enrolment
from courses.learning.errors import AttemptsExhausted, InvalidAnswers, LessonNotFound, NotEnrolled
from courses.models import QuizAttempt
from courses.models.learner import ProgressStatus
from courses.xapi import events


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
                "id": question.id,
                "text": question.text,
                "multiple": question.multiple,
                "choices": [{"id": choice.id, "text": choice.text} for choice in question.choices],
            }
            for question in quiz.question_items()
        ],
        "max_attempts": quiz.max_attempts,
        "pass_score": float(quiz.pass_score),
        "attempts_used": QuizAttempt.objects.filter(user=user, quiz=quiz).count(),
    }


def grade(quiz, answers):
    """({question id: answered right}, score from 0 to 1); answers naming unknown questions or choices are refused."""
    questions = quiz.question_items()
    known = {question.id: {choice.id for choice in question.choices} for question in questions}
    errors = {}
    for question_id, chosen in answers.items():
        if question_id not in known:
            errors[question_id] = _("Esta pregunta no pertenece al cuestionario.")
        elif not set(chosen) <= known[question_id]:
            errors[question_id] = _("Alguna opción elegida no pertenece a esta pregunta.")
    if errors:
        raise InvalidAnswers({"answers": errors})
    results = {}
    for question in questions:
        right = {choice.id for choice in question.choices if choice.correct}
        results[question.id] = set(answers.get(question.id, [])) == right
    score = Decimal(sum(results.values()) / len(results) if results else 0).quantize(Decimal("0.001"))
    return results, score


def submit_attempt(user, quiz, answers):
    """Grade a submission on the server and record it as the learner's next attempt."""
    course_plan = plan.for_lesson(quiz.lesson_id)
    if course_plan is None:
        raise LessonNotFound()
    with transaction.atomic():
        enrolment_id = lock_enrolment(user, course_plan.course_id)
        used = QuizAttempt.objects.filter(user=user, quiz=quiz).count()
        if quiz.max_attempts and used >= quiz.max_attempts:
            raise AttemptsExhausted()
        results, score = grade(quiz, answers)
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
        events.quiz_graded(user, course_plan.course_id, quiz, attempt)
        if passed:
            progress_store.write_lesson(user.pk, quiz.lesson_id, ProgressStatus.COMPLETED)
            events.lesson_progress(user, course_plan.course_id, quiz.lesson_id, None, completed=True)
        outcome = completion.settle(user, course_plan, enrolment_id)
    return attempt, outcome
