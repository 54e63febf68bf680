"""Offline pack benchmark: build time and size of a grade with 60 stored books.

Usage: python bench/pack_bench.py [--books 60] [--pages 40]

Generates the books with reportlab (tests/pdf_factory.py), imports them with their files into
an empty data folder (SQLite, local storage) as an operator would (`import_catalog --files`,
then `ingest_files` reads every book and renders its cover), and then measures:
  export   `export_offline_pack --level primaria --grade 5` to a zip file;
  store    the background build into storage, as the grade page's download;
  check    the background check when nothing changed (fingerprint only, no rebuild).
Prints the figures as JSON.
"""

import argparse
import io
import json
import os
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FIELDS = [
    "lenguajes",
    "saberes-y-pensamiento-cientifico",
    "etica-naturaleza-y-sociedades",
    "de-lo-humano-y-lo-comunitario",
]


def book_pages(number, pages):
    text = (
        "Libro {n}, página {p}. En la comunidad observamos el agua, el suelo y los seres vivos; "
        "anotamos lo que vemos y lo compartimos con el grupo para aprender juntos."
    )
    return [text.format(n=number, p=page) for page in range(1, pages + 1)]


def prepare(folder, books, pages):
    from tests.factories import CatalogRecordFactory
    from tests.pdf_factory import make_pdf

    (folder / "libros").mkdir(parents=True)
    records = []
    for number in range(1, books + 1):
        make_pdf(folder / "libros" / f"libro-{number:03d}.pdf", book_pages(number, pages))
        records.append(
            CatalogRecordFactory(
                external_id=f"banco:p5:{number:03d}",
                title=f"Libro de banco {number:03d}. Quinto grado",
                file=f"libros/libro-{number:03d}.pdf",
                file_url=None,
                fields=[FIELDS[number % len(FIELDS)]],
            )
        )
    catalog = folder / "catalogo.jsonl"
    catalog.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return catalog


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--books", type=int, default=60)
    parser.add_argument("--pages", type=int, default=40)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="acervo-pack-bench-"))
    os.environ.pop("DATABASE_URL", None)
    os.environ["ACERVO_DATA_DIR"] = os.environ["ACERVO_TEST_DATA_DIR"] = str(work / "datos")
    os.environ["DJANGO_SETTINGS_MODULE"] = "acervo.settings.test"
    import django

    django.setup()
    import logging

    logging.disable(logging.WARNING)
    from django.core.management import call_command

    from oer.site import ensure_site_structure
    from offline.packs.builds import refresh

    quiet = io.StringIO()
    call_command("migrate", verbosity=0)
    ensure_site_structure()
    started = time.perf_counter()
    catalog = prepare(work / "catalogo", args.books, args.pages)
    generated = time.perf_counter() - started
    call_command("import_catalog", str(catalog), "--files", str(work / "catalogo"), "--no-progress", stdout=quiet)
    call_command("ingest_files", "--no-progress", stdout=quiet, stderr=quiet)
    imported = time.perf_counter() - started - generated

    output = work / "quinto.zip"
    started = time.perf_counter()
    call_command(
        "export_offline_pack",
        "--level",
        "primaria",
        "--grade",
        "5",
        "--output",
        str(output),
        "--no-progress",
        stdout=quiet,
    )
    export_s = time.perf_counter() - started
    manifest_files = len(json.loads(zipfile.ZipFile(output).read("manifest.json"))["files"])

    started = time.perf_counter()
    pack, rebuilt = refresh("primaria", 5)
    store_s = time.perf_counter() - started
    assert rebuilt
    started = time.perf_counter()
    _pack, rebuilt_again = refresh("primaria", 5)
    check_s = time.perf_counter() - started
    assert not rebuilt_again

    books_bytes = sum(path.stat().st_size for path in (work / "catalogo" / "libros").glob("*.pdf"))
    figures = {
        "books": args.books,
        "pages_per_book": args.pages,
        "books_mb": round(books_bytes / 1e6, 2),
        "generate_and_import_s": round(generated + imported, 1),
        "export_s": round(export_s, 2),
        "pack_mb": round(output.stat().st_size / 1e6, 2),
        "pack_files": manifest_files + 1,
        "stored_build_s": round(store_s, 2),
        "stored_pack_mb": round(pack.size_bytes / 1e6, 2),
        "unchanged_check_ms": round(check_s * 1000, 1),
    }
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
