"""Fixtures for the courses tests: a small published course and signed-in learners."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.rich_text import RichText

from courses.models import CoursePage, LessonPage, ModulePage, Quiz, TrackPage
from courses.site import ensure_course_index


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


class CourseTree:
    """Handles on the pages of the test course, refreshed from the database."""

    def __init__(self, course, lessons, quiz, optional):
        self.course, self.lessons, self.quiz, self.optional = course, lessons, quiz, optional

    def answers(self, right=True):
        """Answers to every question: all right, or all wrong."""
        result = {}
        for question in self.quiz.question_items():
            pick = [choice.id for choice in question.choices if choice.correct == right]
            result[question.id] = pick if right else pick[:1]
        return result


@pytest.fixture
def course_tree(site_structure):
    """Track → course "didactica" → 2 modules: lessons 1 and 2, an optional one and a quiz lesson."""
    index = ensure_course_index()
    track = publish(index, TrackPage(title="Formación continua docente", slug="formacion"))
    course = publish(
        track,
        CoursePage(
            title="Didáctica de la lectura", slug="didactica", summary="Leer en voz alta con el grupo.", hours=8
        ),
    )
    first = publish(course, ModulePage(title="Módulo uno", slug="modulo-uno"))
    second = publish(course, ModulePage(title="Módulo dos", slug="modulo-dos"))
    lesson_one = publish(
        first, LessonPage(title="Lección uno", slug="leccion-uno", body=[("paragraph", RichText("<p>Hola</p>"))])
    )
    lesson_two = publish(first, LessonPage(title="Lección dos", slug="leccion-dos"))
    optional = publish(second, LessonPage(title="Lectura opcional", slug="opcional", required=False))
    quiz_lesson = LessonPage(title="Evaluación", slug="evaluacion")
    quiz_lesson.quizzes = [
        Quiz(
            title="Cuestionario final",
            pass_score="1.00",
            max_attempts=2,
            questions=[
                (
                    "question",
                    {
                        "text": "¿Cuánto es 2 + 2?",
                        "choices": [{"text": "Cuatro", "correct": True}, {"text": "Cinco", "correct": False}],
                    },
                ),
                (
                    "question",
                    {
                        "text": "¿Cuáles son vocales?",
                        "choices": [
                            {"text": "A", "correct": True},
                            {"text": "E", "correct": True},
                            {"text": "K", "correct": False},
                        ],
                    },
                ),
            ],
        )
    ]
    publish(second, quiz_lesson)
    quiz = Quiz.objects.get(lesson=quiz_lesson)
    return CourseTree(course, [lesson_one, lesson_two, quiz_lesson], quiz, optional)


def make_learner(username, first_name="Ana", last_name="Pérez"):
    user = get_user_model().objects.create_user(
        username, password="contraseña-segura-123", first_name=first_name, last_name=last_name
    )
    client = Client()
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def learner(db):
    return make_learner("ana")


@pytest.fixture
def other_learner(db):
    return make_learner("beto", "Beto", "López")


@pytest.fixture
def enrolled(learner, course_tree):
    response = learner.post("/api/v1/courses/didactica/enrolment/")
    assert response.status_code == 201
    return learner


def put_progress(client, lesson, **body):
    return client.put(f"/api/v1/lessons/{lesson.pk}/progress/", body, content_type="application/json")
