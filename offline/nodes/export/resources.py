"""Catalogue records by external id: the open-data record of each published resource, plus its slug and vectors.

"vectors" are the resource's semantic-search vectors (search.embeddings.exchange), so a node
does not compute again what its source already did.
"""

from media.models import StoredFile
from oer.catalog.exporter import file_facts
from oer.catalog.mapping import page_to_record
from oer.models import ResourcePage
from oer.visibility import published_resources
from search.embeddings.exchange import exported

MAX_IDS = 200


def records_for(external_ids):
    """The records of the live, public resources among external_ids, in the order asked."""
    pages = {page.external_id: page for page in published_resources().filter(external_id__in=external_ids).specific()}
    stored = StoredFile.objects.in_bulk({page.stored_file_id for page in pages.values()} - {None})
    linked = _plan_links(pages.values())
    vectors = exported(page.pk for page in pages.values())
    records = []
    for external_id in external_ids:
        page = pages.get(external_id)
        if page is None:
            continue
        record = page_to_record(page, linked)
        record.update(file_facts(stored.get(page.stored_file_id)))
        record["slug"] = page.slug
        record["vectors"] = vectors.get(page.pk, [])
        records.append(record)
    return records


def _plan_links(pages):
    """External ids by pk of the resources weekly plans link to (only read when a plan is asked for)."""
    if not any(page.resource_type == "weekly_plan" for page in pages):
        return {}
    return dict(ResourcePage.objects.values_list("pk", "external_id"))
