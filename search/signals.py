"""Wagtail page events -> queue rows, written in the same transaction as the change."""

from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from oer.models import ResourcePage

from . import indexing


def _is_resource(instance):
    return isinstance(instance, ResourcePage) or (
        hasattr(instance, "specific_class") and instance.specific_class and issubclass(instance.specific_class, ResourcePage)
    )


def queue_index(sender, instance, **kwargs):
    if _is_resource(instance):
        indexing.enqueue([instance.pk], "index")


def queue_delete(sender, instance, **kwargs):
    indexing.enqueue([instance.pk], "delete")


def queue_move(sender, instance, **kwargs):
    if _is_resource(instance):
        indexing.enqueue([instance.pk], "index")


def connect():
    page_published.connect(queue_index, dispatch_uid="acervo_search_published")
    page_unpublished.connect(queue_index, dispatch_uid="acervo_search_unpublished")
    page_slug_changed.connect(queue_move, dispatch_uid="acervo_search_slug")
    post_page_move.connect(queue_move, dispatch_uid="acervo_search_move")
    # Multi-table deletion sends post_delete once per table; ResourcePage's row is the one we need.
    post_delete.connect(queue_delete, sender=ResourcePage, dispatch_uid="acervo_search_delete")
