"""Demo content shipped with Acervo: a catalogue of real SEP titles, and sample books Acervo holds and reads."""

import atexit
import functools
import json
import shutil
import tempfile
from pathlib import Path

from django.utils.translation import gettext as _

CATALOG_PATH = Path(__file__).resolve().parent / "catalog.jsonl"
# Records of the generated sample books; their `file` paths are relative to books.generate()'s folder.
SAMPLE_BOOKS_PATH = Path(__file__).resolve().parent / "sample_books.jsonl"


def load_catalog(stdout):
    """Import the demo catalogue; a second run finds every record unchanged and writes nothing."""
    from oer.catalog.importer import import_file

    report = import_file(CATALOG_PATH)
    if not report.ok:
        raise RuntimeError("\n".join(report.error_lines()))
    stdout.write(
        f"Catálogo de demostración: {report.created} creados, {report.updated} actualizados, "
        f"{report.unchanged} sin cambios."
    )


def sample_book_ids():
    with open(SAMPLE_BOOKS_PATH, encoding="utf-8") as handle:
        return [json.loads(line)["external_id"] for line in handle if line.strip()]


@functools.cache
def generated_books():
    """A temporary folder holding the generated sample PDFs, written once per process.

    The books are deterministic, so a process that loads the demo several times (the test suite
    does, once per test) generates them once; the folder goes when the process ends.
    """
    from . import books

    folder = tempfile.mkdtemp(prefix="acervo-muestra-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    books.generate(folder)
    return folder


def load_sample_books(stdout):
    """Generate the sample PDFs, import them with their records and read them now, so the demo is complete.

    Once the three resources hold their files nothing is generated again; reading only runs for
    what is still unread (an earlier run stopped half-way).
    """
    from media.models import StoredFile
    from oer.catalog.importer import import_file
    from oer.files.ingest import run_pending
    from oer.models import ResourcePage
    from search.indexing import drain

    ids = sample_book_ids()
    held = ResourcePage.objects.filter(external_id__in=ids, stored_file__isnull=False)
    if held.count() < len(ids):
        report = import_file(SAMPLE_BOOKS_PATH, files_dir=generated_books())
        if not report.ok:
            raise RuntimeError("\n".join(report.error_lines()))
        stdout.write(
            _("Libros de muestra: %(created)d creados, %(updated)d actualizados, %(unchanged)d sin cambios.")
            % {"created": report.created, "updated": report.updated, "unchanged": report.unchanged}
        )
    unread = StoredFile.objects.filter(pk__in=held.values("stored_file_id")).exclude(
        read_status=StoredFile.ReadStatus.READY
    )
    if unread.exists():
        ingest = run_pending()
        drain()
        if ingest.read_failed:
            raise RuntimeError("\n".join(ingest.problems))
        stdout.write(_("Libros de muestra leídos: %(read)d.") % {"read": ingest.read})
