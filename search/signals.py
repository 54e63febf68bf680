"""Wagtail page events -> queue rows, written in the same transaction as the change.

Resources are queued by their own pk. A change anywhere in a course (the course, a module, a
lesson, a view restriction; a track or the catalogue moving) queues the courses it touches,
which `courses.searchable` names; a view restriction also queues every resource it covers
(`oer.visibility`). The drain then indexes what is published and public and drops the rest.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from oer.models import ResourcePage
from oer.visibility import resources_behind

from . import indexing


def _is_resource(instance):
    return isinstance(instance, ResourcePage) or (
        hasattr(instance, "specific_class")
        and instance.specific_class
        and issubclass(instance.specific_class, ResourcePage)
    )


def _queue_courses(*pages):
    from courses.searchable import course_pks_of

    pks = {pk for page in pages if page is not None for pk in course_pks_of(page)}
    if pks:
        indexing.enqueue(sorted(pks), "index")


def queue_index(sender, instance, **kwargs):
    if _is_resource(instance):
        indexing.enqueue([instance.pk], "index")
    else:
        _queue_courses(instance)


def queue_delete(sender, instance, **kwargs):
    indexing.enqueue([instance.pk], "delete")


def queue_move(sender, instance, parent_page_before=None, **kwargs):
    if _is_resource(instance):
        indexing.enqueue([instance.pk], "index")
    else:
        # A lesson moved between courses changes both of them.
        _queue_courses(instance, parent_page_before)


def queue_course_of_deleted(sender, instance, **kwargs):
    _queue_courses(instance)


def queue_restricted(sender, instance, **kwargs):
    """A view restriction hides or shows courses and resources (search lists public ones only)."""
    # The restricted page may be the one being deleted, hence a lookup instead of `instance.page`.
    _queue_courses(Page.objects.filter(pk=instance.page_id).first())
    resources = list(resources_behind(instance).values_list("pk", flat=True))
    if resources:
        indexing.enqueue(resources, "index")


def connect():
    from courses.models import CoursePage, LessonPage, ModulePage

    page_published.connect(queue_index, dispatch_uid="acervo_search_published")
    page_unpublished.connect(queue_index, dispatch_uid="acervo_search_unpublished")
    page_slug_changed.connect(queue_move, dispatch_uid="acervo_search_slug")
    post_page_move.connect(queue_move, dispatch_uid="acervo_search_move")
    # Multi-table deletion sends post_delete once per table; ResourcePage's row is the one we need.
    post_delete.connect(queue_delete, sender=ResourcePage, dispatch_uid="acervo_search_delete")
    for model in (CoursePage, ModulePage, LessonPage):
        post_delete.connect(
            queue_course_of_deleted, sender=model, dispatch_uid=f"acervo_search_delete_{model.__name__}"
        )
    for name, signal in {"saved": post_save, "deleted": post_delete}.items():
        signal.connect(queue_restricted, sender=PageViewRestriction, dispatch_uid=f"acervo_search_restriction_{name}")
