"""Catalogue import from the admin: keep the upload between preview and confirmation, import, log.

The file is validated and imported by `oer.catalog.importer`, exactly as `import_catalog` does;
this module only adds what a two-step web form needs (a stash of the uploaded file) and the
audit-log entry that records who imported what.
"""

import re
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from wagtail.log_actions import log

from oer import taxonomy
from oer.catalog import formats
from oer.catalog.importer import ImportReport, import_file, validate_file
from oer.models import ResourcePage
from oer.site import ensure_site_structure

IMPORT_ACTION = "acervo.import"
ALLOWED_SUFFIXES = (".jsonl", ".csv")
TOKEN_PATTERN = re.compile(r"^[0-9a-f]{32}$")
ID_BATCH = 1000


def stash_dir():
    return Path(settings.DATA_DIR) / "editorial-imports"


def max_upload_bytes():
    return getattr(settings, "ACERVO_IMPORT_MAX_BYTES", 200 * 1024 * 1024)


def stash_upload(uploaded, suffix):
    """Copy an uploaded file to the stash; returns its token (the only handle the browser gets)."""
    token = uuid.uuid4().hex
    folder = stash_dir()
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / f"{token}{suffix}", "wb") as handle:
        for chunk in uploaded.chunks():
            handle.write(chunk)
    return token


def stashed_path(token, suffix):
    """The stashed file for a token, or None; tokens are checked so no other path is reachable."""
    if not isinstance(token, str) or not TOKEN_PATTERN.match(token) or suffix not in ALLOWED_SUFFIXES:
        return None
    path = stash_dir() / f"{token}{suffix}"
    return path if path.is_file() else None


def discard(token, suffix):
    path = stashed_path(token, suffix)
    if path is not None:
        path.unlink(missing_ok=True)


@dataclass
class Preview:
    """What confirming would do: how many resources are new, how many exist, of which types."""

    report: ImportReport
    new: int = 0
    existing: int = 0
    by_type: list = field(default_factory=list)  # (label, count)


def preview(path):
    """Validate the whole file; when it is valid, also count new and existing resources."""
    report = validate_file(path, ImportReport())
    result = Preview(report=report)
    if not report.ok:
        return result
    types = Counter()
    batch = []
    for _line, data in formats.iter_records(path):
        types[data.get("type")] += 1
        batch.append(data["external_id"])
        if len(batch) >= ID_BATCH:
            result.existing += _count_existing(batch)
            batch = []
    result.existing += _count_existing(batch)
    result.new = report.total - result.existing
    result.by_type = [(term.label, types[term.slug]) for term in taxonomy.RESOURCE_TYPES if types[term.slug]]
    return result


def _count_existing(external_ids):
    if not external_ids:
        return 0
    return ResourcePage.objects.filter(external_id__in=external_ids).count()


def run_import(path, *, user, file_name):
    """Import all or nothing; on success leave an "acervo.import" entry in the audit log."""
    # One transaction for the pages and their audit entry: no trace without an import, nor the reverse.
    with transaction.atomic():
        report = import_file(path, user=user)
        if report.ok:
            log(
                instance=ensure_site_structure(),
                action=IMPORT_ACTION,
                user=user,
                data={
                    "file": file_name,
                    "total": report.total,
                    "created": report.created,
                    "updated": report.updated,
                    "unchanged": report.unchanged,
                },
            )
    return report
