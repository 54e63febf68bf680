"""Lookups of what is published: courses, lessons and quizzes."""

from courses import plan
from courses.models import CoursePage, LessonPage, Quiz


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
