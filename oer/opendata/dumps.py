"""Dated catalogue dumps (JSON Lines and CSV) written once per day into the data folder."""

import datetime
import json
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from oer.catalog.exporter import write_catalog

FORMATS = ("jsonl", "csv")
CONTENT_TYPES = {"jsonl": "application/x-ndjson; charset=utf-8", "csv": "text/csv; charset=utf-8"}
NAME_RE = re.compile(r"^catalogo-(\d{4}-\d{2}-\d{2})\.(jsonl|csv)$")
DEFAULT_KEEP = 30


@dataclass(frozen=True)
class Dump:
    date: datetime.date
    count: int
    sizes: dict  # format -> bytes

    def filename(self, fmt):
        return filename(self.date, fmt)


def folder():
    path = Path(getattr(settings, "ACERVO_OPEN_DATA_DIR", None) or Path(settings.DATA_DIR) / "datos")
    path.mkdir(parents=True, exist_ok=True)
    return path


def filename(date, fmt):
    return f"catalogo-{date.isoformat()}.{fmt}"


def _manifest(date):
    return folder() / f"catalogo-{date.isoformat()}.json"


def path_for(date, fmt):
    return folder() / filename(date, fmt)


def publish(date=None):
    """Write today's (or `date`'s) dumps in both formats, replacing them; returns the Dump."""
    date = date or timezone.localdate()
    counts = {}
    for fmt in FORMATS:
        counts[fmt] = _write_atomically(path_for(date, fmt), fmt)
    # The manifest is written last: a dump counts as published only once it exists.
    _manifest(date).write_text(
        json.dumps({"count": counts["jsonl"], "generated_at": timezone.now().isoformat()}), encoding="utf-8"
    )
    prune()
    return get(date)


def _write_atomically(target, fmt):
    fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            count = write_catalog(handle, fmt)
        os.replace(tmp, target)
    except BaseException:
        os.unlink(tmp)
        raise
    return count


def get(date):
    manifest = _manifest(date)
    if not manifest.exists():
        return None
    count = json.loads(manifest.read_text(encoding="utf-8")).get("count", 0)
    sizes = {fmt: path_for(date, fmt).stat().st_size for fmt in FORMATS if path_for(date, fmt).exists()}
    if len(sizes) != len(FORMATS):
        return None
    return Dump(date=date, count=count, sizes=sizes)


def get_or_publish(date):
    """Today's dump is made on first request; other days only exist if they were published."""
    dump = get(date)
    if dump is None and date == timezone.localdate():
        dump = publish(date)
    return dump


def available():
    """Published dumps, newest first."""
    dates = set()
    for entry in folder().iterdir():
        match = NAME_RE.match(entry.name)
        if match:
            dates.add(datetime.date.fromisoformat(match.group(1)))
    dumps = [get(date) for date in sorted(dates, reverse=True)]
    return [dump for dump in dumps if dump is not None]


def prune():
    keep = int(getattr(settings, "ACERVO_OPEN_DATA_KEEP", DEFAULT_KEEP))
    for dump in available()[keep:]:
        for fmt in FORMATS:
            path_for(dump.date, fmt).unlink(missing_ok=True)
        _manifest(dump.date).unlink(missing_ok=True)
