"""Course content pages, quizzes and the learner's records."""

# Last: the xAPI outbox model lives with its package (courses/xapi/) but belongs to this app.
from courses.xapi.models import XapiStatement  # noqa: E402

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
    "XapiStatement",
]
