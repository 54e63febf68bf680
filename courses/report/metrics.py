"""The course report's figures, each one aggregate query: the database counts, Python never loops over learners.

Everything here reads the learner tables through the course's published lessons and quizzes, so a
course with 100,000 enrolments costs the same handful of queries as one with ten.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count, DurationField, ExpressionWrapper, F, Q

from courses.models import CoursePage, Enrolment, LessonProgress, Quiz, QuizAttempt
from courses.models.learner import ProgressStatus

SECONDS_PER_DAY = 86_400


@dataclass(frozen=True)
class CourseFigures:
    enrolments: int
    completed: int
    median_days: float | None  # None until somebody completes the course

    @property
    def completion_rate(self):
        return completion_rate(self.enrolments, self.completed)


@dataclass(frozen=True)
class LessonStep:
    """How far learners got: `reached` opened the lesson, `completed` finished it."""

    number: int
    lesson_id: int
    title: str
    required: bool
    reached: int
    completed: int
    # Reached this lesson but not the next required one (the last one: did not complete it); None if optional.
    dropped: int | None

    def share_of(self, total):
        return (self.reached / total if total else 0.0), (self.completed / total if total else 0.0)


@dataclass(frozen=True)
class QuestionStat:
    """A question's difficulty: the share of first attempts that got it right."""

    quiz_title: str
    number: int
    text: str
    attempts: int
    correct: int

    @property
    def share_correct(self):
        return self.correct / self.attempts if self.attempts else None


def courses_with_counts():
    """Every course, with `enrolment_count` and `completed_count` annotated (one grouped query)."""
    return CoursePage.objects.annotate(
        enrolment_count=Count("enrolments", distinct=True),
        completed_count=Count("enrolments", filter=Q(enrolments__completed_at__isnull=False), distinct=True),
    ).order_by("title", "pk")


def completion_rate(enrolments, completed):
    return completed / enrolments if enrolments else 0.0


def median_days_to_complete(course):
    """The median time from enrolment to completion, in days: the middle row(s) of one ordered query."""
    finished = Enrolment.objects.filter(course=course, completed_at__isnull=False)
    count = finished.count()
    if not count:
        return None
    took = ExpressionWrapper(F("completed_at") - F("created_at"), output_field=DurationField())
    ordered = finished.annotate(took=took).order_by("took").values_list("took", flat=True)
    middle = list(ordered[(count - 1) // 2 : count // 2 + 1])
    median = sum(middle, timedelta()) / len(middle)
    return median.total_seconds() / SECONDS_PER_DAY


def course_figures(course):
    counts = Enrolment.objects.filter(course=course).aggregate(
        enrolments=Count("pk"), completed=Count("pk", filter=Q(completed_at__isnull=False))
    )
    return CourseFigures(counts["enrolments"], counts["completed"], median_days_to_complete(course))


def lesson_steps(course):
    """The course's published lessons in reading order, with how many learners reached and completed each.

    Drop-off is measured between required lessons: an optional lesson nobody opens is not where
    learners left, so it has no drop-off of its own (`dropped` is None).
    """
    lessons = list(course.lessons.values_list("pk", "title", "required"))
    rows = (
        LessonProgress.objects.filter(lesson_id__in=[pk for pk, _title, _required in lessons])
        .values("lesson_id")
        .annotate(reached=Count("pk"), completed=Count("pk", filter=Q(status=ProgressStatus.COMPLETED)))
    )
    by_lesson = {row["lesson_id"]: (row["reached"], row["completed"]) for row in rows}
    steps = []
    for index, (pk, title, required) in enumerate(lessons):
        reached, completed = by_lesson.get(pk, (0, 0))
        dropped = None
        if required:
            following = next((other for other, _t, needed in lessons[index + 1 :] if needed), None)
            if following is None:
                dropped = reached - completed
            else:
                dropped = max(reached - by_lesson.get(following, (0, 0))[0], 0)
        steps.append(LessonStep(index + 1, pk, title, required, reached, completed, dropped))
    return steps


def question_stats(course):
    """Every question of the course's quizzes with its share of correct first attempts (one query per quiz)."""
    lesson_ids = list(course.lessons.values_list("pk", flat=True))
    stats = []
    for quiz in Quiz.objects.filter(lesson_id__in=lesson_ids).order_by("lesson__path", "sort_order", "pk"):
        questions = [(str(block.id), block.value["text"]) for block in quiz.questions]
        if not questions:
            continue
        # Results are stored per question id: {"<question id>": true|false}.
        counts = {
            f"q{index}": Count("pk", filter=Q(**{f"results__{qid}": True})) for index, (qid, _t) in enumerate(questions)
        }
        totals = QuizAttempt.objects.filter(quiz=quiz, number=1).aggregate(attempts=Count("pk"), **counts)
        for index, (_qid, text) in enumerate(questions):
            stats.append(QuestionStat(quiz.title, index + 1, text, totals["attempts"], totals[f"q{index}"]))
    return stats
