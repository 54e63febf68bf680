"""A publication, unpublication, deletion or catalogue import schedules a check of the packs it may change."""

import logging

from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_unpublished

from oer.catalog.signals import catalog_imported
from oer.models import ResourcePage
from oer.models.resource_types import RESOURCE_PAGE_CLASSES

from .schedule import check_later, known_grades

logger = logging.getLogger(__name__)


def resource_changed(sender, instance, **kwargs):
    if not isinstance(instance, ResourcePage):
        return
    check_every_pack()


def check_every_pack():
    try:
        # Every grade with a pack: a resource moved out of a grade changes that grade's pack too.
        # The check is a fingerprint comparison, so unchanged grades cost one query each.
        check_later(known_grades())
    except Exception:
        logger.exception("could not schedule the offline pack check")


def catalog_changed(sender, page_ids, **kwargs):
    """A catalogue import (also a node's sync) writes pages in bulk, without Wagtail's publish signal."""
    check_every_pack()


def connect():
    catalog_imported.connect(catalog_changed, dispatch_uid="offline_packs_catalog_imported")
    page_published.connect(resource_changed, dispatch_uid="offline_packs_published")
    page_unpublished.connect(resource_changed, dispatch_uid="offline_packs_unpublished")
    for model in (ResourcePage, *RESOURCE_PAGE_CLASSES.values()):
        post_delete.connect(resource_changed, sender=model, dispatch_uid=f"offline_packs_deleted_{model.__name__}")
