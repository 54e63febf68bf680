"""Keeping OAI-PMH records in step with the resources: publish, withdraw and catch-up sync."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from oer.visibility import public_live, published_resources

from .models import OaiRecord

SET_GROUPS = ("level", "field")
SYNC_CHUNK = 500


def set_specs(levels, fields):
    """The setSpecs of a resource: one per level and one per formative field."""
    return [f"level:{slug}" for slug in levels or []] + [f"field:{slug}" for slug in fields or []]


def set_specs_for(page):
    return set_specs(page.levels, page.fields)


def _second(moment):
    # The protocol's finest granularity is the second; storing it so avoids off-by-a-fraction
    # mismatches between what a harvester is told and what a later `from` selects.
    return (moment or timezone.now()).replace(microsecond=0)


def record_published(page, when=None):
    """A resource went live (first time or again): its record is live with a new datestamp."""
    when = _second(when)
    with transaction.atomic():
        # An edited external id retires the old identifier for harvesters.
        OaiRecord.objects.filter(page_id=page.pk, deleted=False).exclude(external_id=page.external_id).update(
            deleted=True, page_id=None, datestamp=when
        )
        OaiRecord.objects.update_or_create(
            external_id=page.external_id,
            defaults={"page_id": page.pk, "datestamp": when, "deleted": False, "sets": set_specs_for(page)},
        )


def record_withdrawn(page, when=None):
    """A resource was unpublished or deleted: harvesters see it as deleted from now on."""
    when = _second(when)
    updated = OaiRecord.objects.filter(external_id=page.external_id).update(
        deleted=True, datestamp=when, sets=set_specs_for(page)
    )
    if not updated:
        try:
            with transaction.atomic():
                OaiRecord.objects.create(
                    external_id=page.external_id,
                    page_id=page.pk,
                    datestamp=when,
                    deleted=True,
                    sets=set_specs_for(page),
                )
        except IntegrityError:  # a concurrent request recorded it first
            pass


def record_visibility(resources):
    """A view restriction came or went over these resources: hidden ones read as deleted, visible ones return.

    Both get a new datestamp, so an incremental harvest (`from`) sees the change and drops or
    takes back the record; resources whose state did not change keep theirs.
    """
    when = _second(None)
    hidden = resources.live().exclude(pk__in=public_live(resources).values("pk"))
    OaiRecord.objects.filter(deleted=False, page_id__in=hidden.values("pk")).update(deleted=True, datestamp=when)
    tracked = OaiRecord.objects.filter(deleted=False, page_id__isnull=False).values("page_id")
    returning = [
        (pk, external_id, levels, fields, when)
        for pk, external_id, levels, fields in public_live(resources)
        .exclude(pk__in=tracked)
        .values_list("pk", "external_id", "levels", "fields")
    ]
    for start in range(0, len(returning), SYNC_CHUNK):
        _record_live_rows(returning[start : start + SYNC_CHUNK])


def sync_live():
    """Record live resources that reached the database without publish signals (bulk imports)."""
    tracked = OaiRecord.objects.filter(deleted=False, page_id__isnull=False).values("page_id")
    missing = list(
        published_resources()
        .exclude(pk__in=tracked)
        .values_list("pk", "external_id", "levels", "fields", "last_published_at")
    )
    for start in range(0, len(missing), SYNC_CHUNK):
        _record_live_rows(missing[start : start + SYNC_CHUNK])


def _record_live_rows(rows):
    existing = {
        record.external_id: record for record in OaiRecord.objects.filter(external_id__in=[row[1] for row in rows])
    }
    new, revived = [], []
    for pk, external_id, levels, fields, published in rows:
        values = {"page_id": pk, "datestamp": _second(published), "deleted": False, "sets": set_specs(levels, fields)}
        record = existing.get(external_id)
        if record is None:
            new.append(OaiRecord(external_id=external_id, **values))
        else:
            for name, value in values.items():
                setattr(record, name, value)
            revived.append(record)
    with transaction.atomic():
        # A concurrent request may record the same rows first; theirs are identical, so skip.
        OaiRecord.objects.bulk_create(new, batch_size=SYNC_CHUNK, ignore_conflicts=True)
        OaiRecord.objects.bulk_update(revived, ["page_id", "datestamp", "deleted", "sets"], batch_size=SYNC_CHUNK)
