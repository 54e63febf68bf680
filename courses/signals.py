"""Thin signal handlers.

However an account is deleted (API, dashboard, admin), its certificates lose the name and its xAPI
statements are dropped; a saved or deleted account leaves the user cache (`courses.cached_users`).
Whatever changes a course's shape (saving, publishing, unpublishing, moving or deleting its pages, its quizzes or a view
restriction), every process drops its cached course plans.
"""

from django.conf import settings
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import PageViewRestriction
from wagtail.signals import page_unpublished, post_page_move


def _forget_learner(sender, instance, **kwargs):
    from courses.learning import certificates
    from courses.xapi import outbox

    certificates.anonymise(instance)
    outbox.forget_account(instance)


def _forget_cached_user(sender, instance, **kwargs):
    from courses import cached_users

    cached_users.forget(instance.pk)


def _course_shape_changed(sender, **kwargs):
    from courses import plan

    plan.invalidate()


def connect():
    from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage, Quiz, TrackPage

    pre_delete.connect(_forget_learner, sender=settings.AUTH_USER_MODEL, dispatch_uid="courses-anonymise")
    for name, signal in {"saved": post_save, "deleted": post_delete}.items():
        signal.connect(_forget_cached_user, sender=settings.AUTH_USER_MODEL, dispatch_uid=f"courses-user-{name}")
    pages = (CourseIndexPage, TrackPage, CoursePage, ModulePage, LessonPage)
    signals = {"saved": post_save, "deleted": post_delete, "unpublished": page_unpublished, "moved": post_page_move}
    for name, signal in signals.items():
        senders = (*pages, Quiz, PageViewRestriction) if signal in (post_save, post_delete) else pages
        for model in senders:
            signal.connect(_course_shape_changed, sender=model, dispatch_uid=f"courses-plan-{name}-{model.__name__}")
