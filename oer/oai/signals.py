"""Wagtail and Django signals that keep OAI-PMH records current; handlers only call records."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from oer.models import ResourcePage
from oer.visibility import resources_behind

from . import records


def on_published(sender, instance, **kwargs):
    if not isinstance(instance, ResourcePage):
        return
    # A page behind a view restriction is live but not public: harvesters must not see it.
    if instance.get_view_restrictions().exists():
        records.record_withdrawn(instance)
    else:
        records.record_published(instance, when=getattr(instance, "last_published_at", None))


def on_unpublished(sender, instance, **kwargs):
    if isinstance(instance, ResourcePage):
        records.record_withdrawn(instance)


def on_deleted(sender, instance, **kwargs):
    records.record_withdrawn(instance)


def on_restriction_changed(sender, instance, **kwargs):
    records.record_visibility(resources_behind(instance))


def connect():
    page_published.connect(on_published, dispatch_uid="oer.oai.published")
    page_unpublished.connect(on_unpublished, dispatch_uid="oer.oai.unpublished")
    # Deleting any resource type deletes its ResourcePage row, so one sender covers them all.
    post_delete.connect(on_deleted, sender=ResourcePage, dispatch_uid="oer.oai.deleted")
    for name, signal in {"saved": post_save, "deleted": post_delete}.items():
        signal.connect(on_restriction_changed, sender=PageViewRestriction, dispatch_uid=f"oer.oai.restriction_{name}")
