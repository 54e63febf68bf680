"""Publishing, unpublishing, deleting, restricting or importing schedules a check of the packs it may change."""

import logging

from django.db.models.signals import post_delete, post_save
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from oer.catalog.signals import catalog_imported
from oer.models import ResourcePage
from oer.models.resource_types import RESOURCE_PAGE_CLASSES
from oer.visibility import resources_behind

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


def restriction_changed(sender, instance, **kwargs):
    """A restricted resource leaves its grade's pack (and comes back when the restriction goes)."""
    if resources_behind(instance).exists():
        check_every_pack()


def catalog_changed(sender, page_ids, **kwargs):
    """A catalogue import (also a node's sync) writes pages in bulk, without Wagtail's publish signal."""
    check_every_pack()


def connect():
    catalog_imported.connect(catalog_changed, dispatch_uid="offline_packs_catalog_imported")
    page_published.connect(resource_changed, dispatch_uid="offline_packs_published")
    page_unpublished.connect(resource_changed, dispatch_uid="offline_packs_unpublished")
    for model in (ResourcePage, *RESOURCE_PAGE_CLASSES.values()):
        post_delete.connect(resource_changed, sender=model, dispatch_uid=f"offline_packs_deleted_{model.__name__}")
    for name, signal in {"saved": post_save, "deleted": post_delete}.items():
        uid = f"offline_packs_restriction_{name}"
        signal.connect(restriction_changed, sender=PageViewRestriction, dispatch_uid=uid)
