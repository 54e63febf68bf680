"""What other apps ask of a resource's stored file: its page text, attaching it, queueing a download."""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Revision

from media.models import StoredFile, StoredFilePage
from oer.models import ResourcePage

from .models import FileFetch


def page_texts(page):
    """(page number, text) of the resource's stored PDF, in page order; nothing until it is read."""
    stored_id = getattr(page, "stored_file_id", None)
    if not stored_id:
        return iter(())
    rows = (
        StoredFilePage.objects.filter(stored_file_id=stored_id, stored_file__read_status=StoredFile.ReadStatus.READY)
        .order_by("number")
        .values_list("number", "text")
    )
    return rows.iterator(chunk_size=200)


def attach(page, stored):
    """Point a live resource at a stored file (a finished download) without a new publication."""
    set_derived(page, stored_file=stored.pk)


def set_derived(page, **values):
    """Write values the system derives (a downloaded file, a transcript) onto a resource and reindex it.

    The live row and its latest revisions change in place, without a new publication: this is no
    editorial change, and publishing here would also publish whatever draft an editor has pending.
    A revision that already holds another value (an editor's choice) keeps it.
    """
    columns = {("stored_file_id" if name == "stored_file" else name): value for name, value in values.items()}
    type(page).objects.filter(pk=page.pk).update(**columns)
    for attname, value in columns.items():
        setattr(page, attname, value)
    revision_ids = {page.live_revision_id, page.latest_revision_id} - {None}
    for revision in Revision.objects.filter(pk__in=revision_ids):
        changed = {name: value for name, value in values.items() if revision.content.get(name) in (None, "", value)}
        if changed:
            revision.content.update(changed)
            revision.save(update_fields=["content"])
    index_later([page.pk])


def resources_using(stored_ids):
    """Pks of live resources whose stored file is one of these."""
    return list(ResourcePage.objects.live().filter(stored_file_id__in=stored_ids).values_list("pk", flat=True))


def schedule_fetch(page, url):
    """Queue (or re-queue) the download of a resource's file_url; returns True when work was added."""
    fetch = FileFetch.objects.filter(resource_id=page.pk).first()
    if (
        fetch
        and fetch.url == url
        and (fetch.status == FileFetch.Status.DONE or fetch.status == FileFetch.Status.PENDING)
    ):
        return False
    now = timezone.now()
    FileFetch.objects.update_or_create(
        resource_id=page.pk,
        defaults={
            "url": url,
            "status": FileFetch.Status.PENDING,
            "attempts": 0,
            "next_attempt_at": now,
            "last_error": "",
            "finished_at": None,
        },
    )
    return True


def fetched_urls(page_pks):
    """The URL each of these resources was (or is being) downloaded from, by page pk."""
    return dict(FileFetch.objects.filter(resource_id__in=list(page_pks)).values_list("resource_id", "url"))


def failed_fetches():
    return FileFetch.objects.filter(~Q(last_error="")).exclude(status=FileFetch.Status.DONE)


def index_later(pks):
    """Queue these resources for search indexing in the caller's transaction."""
    from search import indexing

    if pks:
        indexing.enqueue(pks, "index")


def kick_worker():
    """Ask the background worker to run pending file work once the current transaction commits."""
    from .tasks import ingest_pending_files

    def enqueue():
        try:
            ingest_pending_files.enqueue()
        except Exception:  # the rows are durable; `ingest_files` or the next kick picks them up
            import logging

            logging.getLogger(__name__).exception("could not enqueue the file ingest task")

    transaction.on_commit(enqueue)
