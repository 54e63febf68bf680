"""The courses app's public functions: enrolment, progress, quizzes, certificates and data rights.

Views, commands and other apps call these, never the learner models directly. The work is done in
`courses.learning`, one module per job; this module is only the surface.
"""

from courses.learning.catalogue import (
    course_by_slug,
    is_published_lesson,
    published_courses,
    published_lesson,
    published_quiz,
)
from courses.learning.certificates import certificate_by_code, certificate_link, certificate_url
from courses.learning.completion import percent_complete
from courses.learning.data_rights import delete_learner, export_learner_data
from courses.learning.enrolment import LessonState, enroll, enrolled_course_ids, get_enrolment, record_progress
from courses.learning.errors import AttemptsExhausted, CourseError, InvalidAnswers, LessonNotFound, NotEnrolled
from courses.learning.grading import quiz_for_learner, submit_attempt
from courses.learning.summary import course_summary, lesson_url, my_courses

__all__ = [
    "AttemptsExhausted",
    "CourseError",
    "InvalidAnswers",
    "LessonNotFound",
    "LessonState",
    "NotEnrolled",
    "certificate_by_code",
    "certificate_link",
    "certificate_url",
    "course_by_slug",
    "course_summary",
    "delete_learner",
    "enroll",
    "enrolled_course_ids",
    "export_learner_data",
    "get_enrolment",
    "is_published_lesson",
    "lesson_url",
    "my_courses",
    "percent_complete",
    "published_courses",
    "published_lesson",
    "published_quiz",
    "quiz_for_learner",
    "record_progress",
    "submit_attempt",
]
