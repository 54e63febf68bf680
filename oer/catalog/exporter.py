"""Export every published resource as catalogue records (the open-data dump)."""

from oer.models import ResourcePage

from . import formats, mapping

CHUNK_SIZE = 500


def published_records():
    """Yield the record of every published resource, in a stable order, chunk by chunk."""
    external_ids_by_pk = dict(ResourcePage.objects.values_list("pk", "external_id"))
    pks = list(ResourcePage.objects.live().public().order_by("external_id").values_list("pk", flat=True))
    for start in range(0, len(pks), CHUNK_SIZE):
        chunk = pks[start:start + CHUNK_SIZE]
        pages = {page.pk: page for page in ResourcePage.objects.filter(pk__in=chunk).specific()}
        for pk in chunk:
            yield mapping.page_to_record(pages[pk], external_ids_by_pk)


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
