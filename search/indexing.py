"""Durable indexing: enqueue changes in the caller's transaction, drain them in bulk later.

Nothing here talks to the engine while a page is being saved, so publishing keeps working
when the engine is down; entries wait with back-off until a drain succeeds.
"""

import logging
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from oer.models import ResourcePage
from oer.visibility import published_resources

from .backends import get_backend
from .backends.base import SearchUnavailable
from .embeddings.jobs import schedule_embeddings
from .models import IndexQueueEntry
from .records import course_document, resource_document

logger = logging.getLogger(__name__)

DRAIN_BATCH = 500
MAX_BACKOFF = timedelta(hours=1)


def _pk(item):
    return item if isinstance(item, int) else item.pk


def enqueue(pages_or_pks, action=IndexQueueEntry.INDEX):
    """Queue pages (objects or pks) for indexing or deletion; call inside the change's transaction."""
    if action not in (IndexQueueEntry.INDEX, IndexQueueEntry.DELETE):
        raise ValueError(action)
    if not hasattr(pages_or_pks, "__iter__"):
        pages_or_pks = [pages_or_pks]
    now = timezone.now()
    entries = [
        IndexQueueEntry(page_id=_pk(item), action=action, created_at=now, next_attempt_at=now) for item in pages_or_pks
    ]
    IndexQueueEntry.objects.bulk_create(entries, batch_size=DRAIN_BATCH)
    if entries:
        transaction.on_commit(_kick_worker)
    return len(entries)


def _kick_worker():
    from .tasks import drain_index_queue

    try:
        drain_index_queue.enqueue()
    except Exception:  # the queue rows are safe; a later drain or `search_index update` picks them up
        logger.exception("could not enqueue the search indexing task")


def backlog():
    return IndexQueueEntry.objects.count()


# Records are built a few at a time: with page text, a record can weigh as much as its book.
RECORD_CHUNK = 50


def live_pks(pks):
    """Which of these pks are searchable now: public live resources and published courses; the rest must leave.

    A resource behind a view restriction (on itself or an ancestor) counts as gone.
    """
    from courses.searchable import published_courses

    pks = list(pks)
    resources = published_resources().filter(pk__in=pks).values_list("pk", flat=True)
    return set(resources) | set(published_courses(pks).values_list("pk", flat=True))


def searchable_pages(pks=None):
    """The specific public live resources, then published courses, of these pks (of every one without pks), lazily."""
    from courses.searchable import published_courses

    resources = published_resources()
    if pks is not None:
        pks = list(pks)
        resources = resources.filter(pk__in=pks)
    yield from resources.specific().order_by("pk").iterator(chunk_size=RECORD_CHUNK)
    yield from published_courses(pks).iterator(chunk_size=RECORD_CHUNK)


def searchable_pks():
    """Pks of every public live resource and published course: what the index and the vectors must cover."""
    from courses.searchable import published_courses

    resources = published_resources().order_by("pk").values_list("pk", flat=True)
    return [*resources, *published_courses().values_list("pk", flat=True)]


def documents(pks=None):
    """The search records of these searchable pages (of every one without pks), built lazily."""
    for page in searchable_pages(pks):
        yield resource_document(page) if isinstance(page, ResourcePage) else course_document(page)


def _noting_pending_vectors(records, pending):
    """Pass the records on, noting in `pending` the pks of those indexed without every vector."""
    for record in records:
        if record["vector"] is None or any(page["vector"] is None for page in record["pages"]):
            pending.add(record["pk"])
        yield record


def searchable_counts():
    """(public live resources, published courses): what a complete index holds."""
    from courses.searchable import published_courses

    return published_resources().count(), published_courses().count()


def drain(backend=None, batch_size=DRAIN_BATCH, max_batches=None):
    """Apply due queue entries in batches; returns (applied, failed). Engine errors never escape."""
    backend = backend or get_backend()
    applied = failed = batches = 0
    pending_vectors = set()
    while max_batches is None or batches < max_batches:
        batches += 1
        entries = list(IndexQueueEntry.objects.filter(next_attempt_at__lte=timezone.now()).order_by("id")[:batch_size])
        if not entries:
            break
        # The newest entry for a page wins; the page's live state decides index vs delete.
        latest = {}
        for entry in entries:
            latest[entry.page_id] = entry
        live = live_pks([pk for pk, e in latest.items() if e.action == IndexQueueEntry.INDEX])
        gone = [pk for pk in latest if pk not in live]
        try:
            backend.delete_many(gone)
            backend.index_many(_noting_pending_vectors(documents(live), pending_vectors))
        except SearchUnavailable as exc:  # engine down or refusing: keep everything for a retry
            failed += len(entries)
            _postpone(entries, exc)
            logger.warning("search indexing failed, %d entries kept: %s", len(entries), exc)
            break
        IndexQueueEntry.objects.filter(pk__in=[entry.pk for entry in entries]).delete()
        applied += len(entries)
    if pending_vectors:
        # Indexed lexically for now; the job embeds them and queues them here again.
        schedule_embeddings()
    return applied, failed


def _postpone(entries, exc):
    now = timezone.now()
    message = str(exc)[:2000] or exc.__class__.__name__
    for entry in entries:
        entry.attempts += 1
        delay = min(timedelta(seconds=15 * 2 ** min(entry.attempts, 12)), MAX_BACKOFF)
        entry.next_attempt_at = now + delay
        entry.last_error = message
    IndexQueueEntry.objects.bulk_update(entries, ["attempts", "next_attempt_at", "last_error"])


def retry_now():
    """Make every waiting entry due immediately (operators running `search_index update`)."""
    return IndexQueueEntry.objects.update(next_attempt_at=timezone.now())


def rebuild(backend=None):
    """Write every public resource and published course into a fresh index and swap it in; the queue is then spent."""
    backend = backend or get_backend()
    started = timezone.now()
    written = backend.rebuild(documents(), expected_count=sum(searchable_counts()))
    # Entries older than the rebuild are contained in it; newer ones still need a drain.
    IndexQueueEntry.objects.filter(created_at__lt=started).delete()
    return written
