"""Each course's shape as the learner's writes need it: its published lessons, the ones that count, their quizzes.

Working it out takes several page-tree queries, and a progress write (sent every few seconds while a
video plays) must not pay them. Plans are kept in each process and dropped together whenever the
shared generation mark in the cache changes (looked at once every CHECK_INTERVAL): `courses.signals`
moves it on any save, publish, unpublish, move or delete of course pages, quizzes or view
restrictions. A plan also never outlives PLAN_TTL seconds, which bounds staleness where the cache is
not shared between processes.
"""

import secrets
import threading
import time
from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction

GENERATION_KEY = "courses:plan-generation"
PLAN_TTL = 60
# How often a process asks the shared cache whether plans changed elsewhere: other processes see an
# editor's change within this many seconds; the process that made it, at once.
CHECK_INTERVAL = 1.0
# Unknown ids are remembered too (as misses); past this many entries the memo starts afresh.
MAX_ENTRIES = 50_000
# Ids beyond the integer columns are not ids at all; asking the database would be an error, not a miss.
MAX_ID = 2**31 - 1


@dataclass(frozen=True)
class CoursePlan:
    course_id: int
    published: bool  # the course itself is live and public
    title: str
    hours: int
    track_title: str
    lesson_ids: tuple  # published lessons, in reading order
    counted_ids: tuple  # the lessons the completion rule looks at
    quiz_lesson_ids: frozenset  # counted lessons whose quiz must also be passed


class _Memo:
    def __init__(self):
        self.lock = threading.Lock()
        self.generation = None
        self.checked_at = self.loaded_at = float("-inf")
        self.lesson_course = {}  # lesson id -> course id, or None when not published
        self.plans = {}  # course id -> CoursePlan, or None when there is no such course

    def clear(self, generation=None):
        with self.lock:
            self.lesson_course = {}
            self.plans = {}
            self.generation = generation
            self.loaded_at = time.monotonic()

    def fresh(self):
        """The memo, emptied first if the shared generation moved, the TTL ran out or it grew too big."""
        now = time.monotonic()
        if now - self.loaded_at > PLAN_TTL or len(self.lesson_course) + len(self.plans) > MAX_ENTRIES:
            self.clear(self.generation)
        if now - self.checked_at >= CHECK_INTERVAL:
            generation = cache.get(GENERATION_KEY)
            self.checked_at = now
            if generation != self.generation:
                self.clear(generation)
        return self


_memo = _Memo()


def _build(course):
    from courses.models import CoursePage, Quiz
    from courses.models.pages import CompletionRule

    lessons = list(course.lessons.values_list("pk", "required"))
    lesson_ids = tuple(pk for pk, _required in lessons)
    counted = lesson_ids
    if course.completion_rule == CompletionRule.REQUIRED_LESSONS:
        counted = tuple(pk for pk, required in lessons if required) or lesson_ids
    return CoursePlan(
        course_id=course.pk,
        published=CoursePage.objects.live().public().filter(pk=course.pk).exists(),
        title=course.title,
        hours=course.hours,
        track_title=course.get_parent().title,
        lesson_ids=lesson_ids,
        counted_ids=counted,
        quiz_lesson_ids=frozenset(Quiz.objects.filter(lesson_id__in=counted).values_list("lesson_id", flat=True)),
    )


def for_course(course_id):
    """The plan of a course, published or not (see `published`), or None when there is no such course."""
    from courses.models import CoursePage

    memo = _memo.fresh()
    if course_id in memo.plans:
        return memo.plans[course_id]
    course = CoursePage.objects.filter(pk=course_id).first() if 0 < course_id <= MAX_ID else None
    plan = _build(course) if course else None
    memo.plans[course_id] = plan
    if plan:
        memo.lesson_course.update(dict.fromkeys(plan.lesson_ids, course_id))
    return plan


def for_lesson(lesson_id):
    """The plan of the course a published lesson belongs to, or None when the lesson is not published."""
    from courses.models import CoursePage, LessonPage

    memo = _memo.fresh()
    if lesson_id in memo.lesson_course:
        course_id = memo.lesson_course[lesson_id]
        plan = for_course(course_id) if course_id else None
    else:
        lesson = (
            LessonPage.objects.filter(pk=lesson_id).only("path", "depth").first() if 0 < lesson_id <= MAX_ID else None
        )
        course_id = CoursePage.objects.ancestor_of(lesson).values_list("pk", flat=True).first() if lesson else None
        plan = for_course(course_id) if course_id else None
        if plan is None or lesson_id not in plan.lesson_ids:
            memo.lesson_course[lesson_id] = None
    # The plan lists the course's live, public lessons: a lesson missing from it is not published.
    if plan is None or not plan.published or lesson_id not in plan.lesson_ids:
        return None
    return plan


def reset():
    """Start a new generation: every process drops its plans (this one at once, the others within CHECK_INTERVAL)."""
    generation = secrets.token_hex(8)
    cache.set(GENERATION_KEY, generation, None)
    _memo.clear(generation)


def invalidate():
    """After a change to course pages: reset now, and again once the surrounding transaction commits."""
    reset()
    transaction.on_commit(reset)
