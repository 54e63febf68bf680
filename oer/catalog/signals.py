"""Signals of the catalogue importer, for apps that keep something derived from the resources.

Bulk imports create pages without Wagtail's `page_published` signal; listeners that must hear of
every change to the catalogue connect to `catalog_imported` as well (see docs/offline.md).
"""

from django.db import transaction
from django.dispatch import Signal

# Sent once per import that created or changed resources, after its transaction committed.
# Arguments: `page_ids`, the sorted pks of the resource pages the import created or changed.
catalog_imported = Signal()


def send_after_commit(page_ids):
    """Send `catalog_imported` when the current transaction commits (never for a rolled back import)."""
    page_ids = sorted(set(page_ids))
    if not page_ids:
        return
    transaction.on_commit(lambda: catalog_imported.send_robust(sender=None, page_ids=page_ids))
