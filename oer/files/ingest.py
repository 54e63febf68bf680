"""All pending file work, run by the background worker or by `ingest_files`: downloads, then reading.

Each unit of work is claimed with a short lease before it starts, so two workers never do the
same download or read the same book twice, and a crashed worker's claim simply expires.
"""

import logging
import os
import tempfile
from dataclasses import dataclass, field
from datetime import timedelta
from urllib.parse import unquote, urlparse

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from media.fetch import FetchError, fetch, fetch_settings
from media.models import StoredFile
from media.reading import read_stored_file
from media.stored_files import Digest, format_of, store_path
from media.validation import extension_of
from oer.progress import no_progress

from . import api
from .models import FileFetch
from .record_files import check_local_file
from .transcripts import fill_missing_transcripts

logger = logging.getLogger(__name__)

LEASE = timedelta(minutes=30)
MAX_FETCH_ATTEMPTS = 6
FIRST_RETRY = timedelta(minutes=2)
MAX_RETRY = timedelta(hours=12)


@dataclass
class IngestReport:
    fetched: int = 0
    fetch_failed: int = 0
    read: int = 0
    read_failed: int = 0
    transcripts: int = 0
    problems: list = field(default_factory=list)  # Spanish lines for the command's output


def retry_failed():
    """Make every failed or waiting download and every failed reading due now (operators)."""
    now = timezone.now()
    fetches = api.failed_fetches().update(status=FileFetch.Status.PENDING, next_attempt_at=now, attempts=0)
    reads = StoredFile.objects.filter(read_status=StoredFile.ReadStatus.FAILED).update(
        read_status=StoredFile.ReadStatus.PENDING, read_at=None
    )
    return fetches, reads


def run_pending(*, retry=False, progress=no_progress):
    """Do every due download and every pending reading now; returns an IngestReport."""
    report = IngestReport()
    if retry:
        retry_failed()
    due = list(
        FileFetch.objects.filter(status=FileFetch.Status.PENDING, next_attempt_at__lte=timezone.now())
        .order_by("id")
        .values_list("pk", flat=True)
    )
    for pk in progress(due, desc=_("Descargando"), unit=_(" archivos")):
        fetch_one(pk, report)
    pending = list(_readable().order_by("id").values_list("pk", flat=True))
    for pk in progress(pending, desc=_("Leyendo"), unit=_(" archivos")):
        read_one(pk, report)
    report.transcripts = fill_missing_transcripts()
    return report


def _readable():
    stale = timezone.now() - LEASE
    return StoredFile.objects.filter(read_status=StoredFile.ReadStatus.PENDING).filter(
        Q(read_at__isnull=True) | Q(read_at__lt=stale)
    )


def read_one(pk, report):
    now = timezone.now()
    # The claim: whoever moves read_at first reads the file; the lease lets a crashed claim expire.
    if not _readable().filter(pk=pk).update(read_at=now):
        return
    stored = StoredFile.objects.get(pk=pk)
    if read_stored_file(stored):
        report.read += 1
        api.index_later(api.resources_using([stored.pk]))
    else:
        report.read_failed += 1
        report.problems.append(_("%(name)s: %(reason)s") % {"name": stored, "reason": stored.read_error})


def fetch_one(pk, report):
    now = timezone.now()
    claimed = FileFetch.objects.filter(pk=pk, status=FileFetch.Status.PENDING, next_attempt_at__lte=now).update(
        next_attempt_at=now + LEASE
    )
    if not claimed:
        return
    job = FileFetch.objects.select_related("resource").get(pk=pk)
    page = job.resource.specific
    try:
        stored = _download(job.url, page.kind)
    except FetchError as exc:
        _failed(job, exc.reason, report)
        return
    except Exception as exc:  # storage or database trouble: keep the job for a retry
        logger.exception("file fetch %s failed", pk)
        _failed(job, _("error interno al guardar el archivo: %(error)s") % {"error": exc}, report)
        return
    api.attach(page, stored)
    job.status, job.finished_at, job.last_error = FileFetch.Status.DONE, timezone.now(), ""
    job.attempts += 1
    job.save(update_fields=["status", "finished_at", "last_error", "attempts"])
    report.fetched += 1


def _download(url, kind):
    max_bytes, allowed_hosts = fetch_settings()
    with tempfile.NamedTemporaryFile(suffix=".fetch") as temporary:
        fetch(url, temporary, max_bytes=max_bytes, allowed_hosts=allowed_hosts)
        temporary.flush()
        checked, problem = check_local_file(temporary.name, _name_for(url, temporary.name), kind)
        if problem:
            raise FetchError(problem)
        stored, _created = store_path(
            temporary.name, checked.name, checked.categories, digest=Digest(checked.sha256, checked.size), checked=True
        )
        return stored


def _name_for(url, path):
    """The URL's file name when its extension fits the content, else a neutral one that does."""
    name = os.path.basename(unquote(urlparse(url).path)) or "archivo"
    fmt = format_of(path)
    if fmt is not None and extension_of(name) not in fmt.extensions:
        name = f"archivo.{fmt.extensions[0]}"
    return name[:200]


def _failed(job, reason, report):
    job.attempts += 1
    job.last_error = reason
    if job.attempts >= MAX_FETCH_ATTEMPTS:
        job.status = FileFetch.Status.FAILED
    else:
        delay = min(FIRST_RETRY * 4 ** (job.attempts - 1), MAX_RETRY)
        job.next_attempt_at = timezone.now() + delay
    job.save(update_fields=["attempts", "last_error", "status", "next_attempt_at"])
    report.fetch_failed += 1
    report.problems.append(
        _("%(resource)s (%(url)s): %(reason)s")
        % {"resource": job.resource.external_id, "url": job.url, "reason": reason}
    )
