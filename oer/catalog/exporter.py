"""Export every published resource as catalogue records (the open-data dump)."""

from media.models import StoredFile
from oer.models import ResourcePage

from . import formats, mapping

CHUNK_SIZE = 500


def published_records():
    """Yield the record of every published resource, in a stable order, chunk by chunk."""
    external_ids_by_pk = dict(ResourcePage.objects.values_list("pk", "external_id"))
    pks = list(ResourcePage.objects.live().public().order_by("external_id").values_list("pk", flat=True))
    for start in range(0, len(pks), CHUNK_SIZE):
        chunk = pks[start : start + CHUNK_SIZE]
        pages = {page.pk: page for page in ResourcePage.objects.filter(pk__in=chunk).specific()}
        stored = StoredFile.objects.in_bulk({page.stored_file_id for page in pages.values()} - {None})
        for pk in chunk:
            page = pages[pk]
            record = mapping.page_to_record(page, external_ids_by_pk)
            record.update(file_facts(stored.get(page.stored_file_id)))
            yield record


def file_facts(stored):
    """What the export says of the stored file: digest, size, pages and type (null without one)."""
    if stored is None:
        return {"sha256": None, "file_size_bytes": None, "page_count": None, "mime_type": None}
    return {
        "sha256": stored.sha256,
        "file_size_bytes": stored.size_bytes,
        "page_count": stored.page_count,
        "mime_type": stored.mime_type,
    }


def count_published():
    return ResourcePage.objects.live().public().count()


def write_catalog(handle, fmt, progress=None):
    writer = formats.WRITERS[fmt](handle)
    records = published_records()
    if progress:
        records = progress(records)
    count = 0
    for record in records:
        writer.write(record)
        count += 1
    return count
