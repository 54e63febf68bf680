"""What the learning writes call, inside their own transaction: the event's statements join the outbox.

Nothing here talks to the LRS; without `XAPI_LRS_URL` every function returns at once.
"""

import time
from typing import NamedTuple

from django.conf import settings
from django.core.cache import cache
from wagtail.models import Page

from courses import plan
from courses.learning.certificates import certificate_url
from courses.xapi import outbox, statements


class Thing(NamedTuple):
    """Something a learner acts on, as an xAPI activity."""

    kind: str
    id: object
    url: str
    title: str

    def as_activity(self):
        return statements.activity(self.kind, self.url, self.title)


def enabled():
    return bool(settings.XAPI_LRS_URL)


class _Memo:
    """Page URLs and titles, kept per process like the course plans and dropped when they are.

    Working out a page's URL costs more than the rest of a progress write, which runs every few seconds
    per learner watching a video.
    """

    def __init__(self):
        self.generation, self.loaded_at, self.pages = None, float("-inf"), {}

    def fresh(self):
        generation = cache.get(plan.GENERATION_KEY)
        if generation != self.generation or time.monotonic() - self.loaded_at > plan.PLAN_TTL:
            self.generation, self.loaded_at, self.pages = generation, time.monotonic(), {}
        return self.pages


_memo = _Memo()


def _pages(kind_by_id):
    """{page id: Thing} of these pages: at most one query."""
    known = _memo.fresh()
    missing = [pk for pk in kind_by_id if pk not in known]
    if missing:
        for page in Page.objects.filter(pk__in=missing).only("pk", "title", "url_path", "locale_id"):
            known[page.pk] = (page.get_url() or "", page.title)
    return {pk: Thing(kind, pk, *known[pk]) for pk, kind in kind_by_id.items()}


def _account(user):
    return statements.account_name(user.pk)


def enrolled(user, course_id):
    if not enabled():
        return
    course = _pages({course_id: "course"})[course_id]
    outbox.add([statements.registered(_account(user), course)])


def lesson_progress(user, course_id, lesson_id, position_seconds, completed=False):
    """A lesson's position saved (`progressed`) and, when the learner finished it, `completed`."""
    if not enabled() or (position_seconds is None and not completed):
        return
    things = _pages({course_id: "course", lesson_id: "lesson"})
    course, lesson = things[course_id], things[lesson_id]
    account = _account(user)
    found = []
    if position_seconds is not None:
        found.append(statements.lesson_progressed(account, course, lesson, position_seconds))
    if completed:
        found.append(statements.lesson_completed(account, course, lesson))
    outbox.add(found)


def quiz_graded(user, course_id, quiz, attempt):
    """An attempt: `answered`, then `passed` or `failed` with the scaled score."""
    if not enabled():
        return
    things = _pages({course_id: "course", quiz.lesson_id: "lesson"})
    course, lesson = things[course_id], things[quiz.lesson_id]
    activity = Thing("quiz", quiz.pk, f"{lesson.url}#cuestionario-{quiz.pk}", quiz.title)
    account = _account(user)
    outbox.add(
        [
            statements.quiz_answered(account, course, activity, attempt.number),
            statements.quiz_graded(account, course, activity, attempt.number, float(attempt.score), attempt.passed),
        ]
    )


def course_completed(user, course_id, certificate_code):
    """The course `completed` and its certificate `earned`."""
    if not enabled():
        return
    course = _pages({course_id: "course"})[course_id]
    certificate = Thing("certificate", certificate_code, certificate_url(certificate_code), course.title)
    account = _account(user)
    outbox.add(
        [statements.course_completed(account, course), statements.certificate_earned(account, course, certificate)]
    )
