"""Books for the reader tests: a generated PDF with a known sentence on a known page, imported and read.

They go through the real commands (`import_catalog --files`, then `ingest_files`), as an
operator's catalogue would.
"""

import io
import json

from django.core.management import call_command

from oer.models import ResourcePage
from tests.factories import CatalogRecordFactory
from tests.pdf_factory import make_pdf

SENTENCE = "La fotosíntesis convierte la luz del Sol en el alimento de las plantas verdes."
SENTENCE_PAGE = 3
PAGE_COUNT = 5


def book_pages():
    pages = [
        f"Página {n}. Ciencias naturales de quinto grado: los seres vivos, el agua y el suelo de la comunidad."
        for n in range(1, PAGE_COUNT + 1)
    ]
    pages[SENTENCE_PAGE - 1] += "\n\n" + SENTENCE
    return pages


def import_files(folder, records):
    """Import records whose `file` paths are under folder, then read every stored file."""
    catalog = folder / "catalogo.jsonl"
    catalog.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    quiet = io.StringIO()
    call_command("import_catalog", str(catalog), "--files", str(folder), "--no-progress", stdout=quiet, stderr=quiet)
    call_command("ingest_files", "--no-progress", stdout=quiet, stderr=quiet)
    ids = [r["external_id"] for r in records]
    pages = {p.external_id: p.specific for p in ResourcePage.objects.filter(external_id__in=ids)}
    return [pages[i] for i in ids]


def import_book(folder, **fields):
    """A live textbook whose stored PDF has SENTENCE on page SENTENCE_PAGE, read (pages, cover)."""
    (folder / "libros").mkdir(parents=True, exist_ok=True)
    make_pdf(folder / "libros" / "ciencias.pdf", book_pages())
    fields.setdefault("title", "Ciencias naturales. Quinto grado")
    record = CatalogRecordFactory(file="libros/ciencias.pdf", file_url=None, **fields)
    return import_files(folder, [record])[0]
