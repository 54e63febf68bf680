"""A publication, unpublication or deletion of a resource schedules a check of the packs it may change."""

import logging

from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_unpublished

from oer.models import ResourcePage
from oer.models.resource_types import RESOURCE_PAGE_CLASSES

from .schedule import check_later, known_grades

logger = logging.getLogger(__name__)


def resource_changed(sender, instance, **kwargs):
    if not isinstance(instance, ResourcePage):
        return
    try:
        # Every grade with a pack: a resource moved out of a grade changes that grade's pack too.
        # The check is a fingerprint comparison, so unchanged grades cost one query each.
        check_later(known_grades())
    except Exception:
        logger.exception("could not schedule the offline pack check")


def connect():
    page_published.connect(resource_changed, dispatch_uid="offline_packs_published")
    page_unpublished.connect(resource_changed, dispatch_uid="offline_packs_unpublished")
    for model in (ResourcePage, *RESOURCE_PAGE_CLASSES.values()):
        post_delete.connect(resource_changed, sender=model, dispatch_uid=f"offline_packs_deleted_{model.__name__}")
