"""Course content pages, quizzes and the learner's records."""

from .learner import Certificate, Enrolment, LessonProgress, QuizAttempt
from .pages import CourseIndexPage, CoursePage, LessonPage, ModulePage, TrackPage
from .quiz import Quiz
from .signing import SigningKey

__all__ = [
    "Certificate",
    "CourseIndexPage",
    "CoursePage",
    "Enrolment",
    "LessonPage",
    "LessonProgress",
    "ModulePage",
    "Quiz",
    "QuizAttempt",
    "SigningKey",
    "TrackPage",
]
