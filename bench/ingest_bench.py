"""Ingest benchmark: pages/s to import, read and index generated books, the ingest's peak memory, and search p95.

Usage: python bench/ingest_bench.py [--books 400] [--pages 150] [--queries 200] [--cache DIR]

The books are assembled from the demo's sample chapters (oer/demo/books) and generated with
reportlab into a cache folder under /tmp, so a second run skips generation; the cache key holds
the generator's own digest, so editing the content generates again. One child process with an
empty data folder, SQLite and the embedded search engine then measures, side by side:
  import   `import_catalog --files` semantics: every file checked, digested and stored;
  ingest   what the background worker does: the text of every page and a cover per book;
  index    draining the search queue, pages included;
and the search API through Django's test client: queries for words and sentences that occur on
pages, against queries that only match titles and descriptions, on the same index.
Peak memory is the process's resident high-water mark (VmHWM), reset before each phase.
"""

import argparse
import hashlib
import json
import multiprocessing
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from search_bench import percentile, setup_django  # noqa: E402

TARGETS = {"pages_per_s": 200, "peak_mb": 600, "p95_ms": 50}
# Collection names give every book a title and description word that no page holds, so the
# metadata-only queries really match metadata only.
COLLECTIONS = (
    "ahuehuete",
    "huizache",
    "guamúchil",
    "tabachín",
    "jacaranda",
    "tepehuaje",
    "colorín",
    "sabino",
    "ocote",
    "cuajiote",
    "copal",
    "liquidámbar",
)
BOOKS_DIR = "libros"


# -- the corpus (parent side, no Django) ---------------------------------------------------------
def generator_digest():
    """Digest of the book generator's sources: cached books are reused only while it is unchanged."""
    hasher = hashlib.sha256()
    for path in sorted((ROOT / "oer" / "demo" / "books").glob("*.py")):
        hasher.update(path.read_bytes())
    return hasher.hexdigest()[:12]


def book_title(number):
    return f"Serie {COLLECTIONS[number % len(COLLECTIONS)].capitalize()}, tomo {number // len(COLLECTIONS) + 1}"


def _write_book(job):
    number, pages, folder = job
    from oer.demo.books.assorted import assorted_book
    from oer.demo.books.layout import typeset

    path = Path(folder) / BOOKS_DIR / f"prueba-{number:05d}.pdf"
    if path.exists():
        return 0
    partial = path.with_suffix(".part")
    # The book's own title differs from the record's, so the collection name is metadata only.
    typeset(assorted_book(number, pages, f"Libro de prueba {number + 1}"), partial)
    partial.rename(path)  # a run stopped half-way never leaves a truncated book behind
    return 1


def record(number, pages):
    collection = COLLECTIONS[number % len(COLLECTIONS)]
    return {
        "external_id": f"bench:libro:{number:05d}",
        "type": "textbook",
        "title": book_title(number),
        "description": f"Libro de prueba de la colección {collection.capitalize()} para medir la lectura de "
        f"{pages} páginas.",
        "levels": ["primaria"],
        "grades": [number % 6 + 1],
        "fields": ["saberes-y-pensamiento-cientifico"],
        "subjects": [],
        "axes": [],
        "language": "es",
        "license": "cc-by-4.0",
        "audience": ["alumno"],
        "year": 2025,
        "authors": ["Equipo de Acervo"],
        "publisher": "Acervo",
        "keywords": [collection],
        "file_url": None,
        "cover_url": None,
        "duration_seconds": None,
        "transcript": None,
        "captions": [],
        "week": None,
        "accessibility": [],
        "file": f"{BOOKS_DIR}/prueba-{number:05d}.pdf",
    }


def prepare(books, pages, cache):
    """Generate what the cache lacks (one process per core) and write the catalogue; returns its path."""
    folder = Path(cache) / f"{books}x{pages}-{generator_digest()}"
    (folder / BOOKS_DIR).mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    jobs = [(number, pages, str(folder)) for number in range(books)]
    with multiprocessing.Pool(os.cpu_count() or 1) as pool:
        made = sum(pool.imap_unordered(_write_book, jobs, chunksize=4))
    seconds = time.perf_counter() - started
    catalogue = folder / "catalogo.jsonl"
    with open(catalogue, "w", encoding="utf-8") as handle:
        for number in range(books):
            handle.write(json.dumps(record(number, pages), ensure_ascii=False) + "\n")
    if made:
        print(f"{made} libros generados en {seconds:.0f} s ({made * pages / seconds:.0f} páginas/s) en {folder}")
    else:
        print(f"{books} libros tomados de la caché {folder}")
    return catalogue


def page_queries(count, seed=11):
    """Words and short passages taken from the chapters' hand-written lessons."""
    from oer.demo.books.assorted import chapters
    from oer.demo.books.model import Note, Paragraph

    sentences = []
    for chapter, _color in chapters():
        for block in chapter.lesson:
            if isinstance(block, (Paragraph, Note)):
                sentences.extend(s for s in re.split(r"(?<=[.:;])\s+", block.text) if len(s.split()) >= 6)
    rng = random.Random(seed)
    queries = []
    for _ in range(count):
        words = re.findall(r"[\wáéíóúüñÁÉÍÓÚÜÑ]+", rng.choice(sentences))
        if rng.random() < 0.35:
            queries.append(" ".join(rng.sample([w for w in words if len(w) > 6] or words, 1)))
        else:
            start = rng.randrange(max(1, len(words) - 5))
            queries.append(" ".join(words[start : start + rng.randint(3, 7)]))
    return queries


def metadata_queries(count, seed=12):
    rng = random.Random(seed)
    return [" ".join(rng.sample(COLLECTIONS, rng.choice([1, 1, 2]))) for _ in range(count)]


# -- child side: one empty instance ----------------------------------------------------------------
def _reset_peak():
    try:
        with open("/proc/self/clear_refs", "w") as handle:
            handle.write("5")  # resets VmHWM (Linux ≥ 4.0)
        return True
    except OSError:
        return False


def _peak_mb():
    try:
        with open("/proc/self/status") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _phase(name, work, figures):
    resettable = _reset_peak()
    started = time.perf_counter()
    result = work()
    figures[name] = {"seconds": time.perf_counter() - started, "peak_mb": _peak_mb(), "peak_reset": resettable}
    return result


def _timed_queries(client, queries):
    times, with_pages = [], 0
    for q in queries[: min(10, len(queries))]:  # warm caches and the index reader once
        client.get("/api/v1/search/", {"q": q})
    for q in queries:
        started = time.perf_counter()
        response = client.get("/api/v1/search/", {"q": q})
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.content[:300]
        results = response.json()["results"]
        with_pages += bool(results and results[0].get("pages"))
    return {
        "p50_ms": percentile(times, 50),
        "p95_ms": percentile(times, 95),
        "with_pages": with_pages,
        "queries": len(queries),
    }


def child(catalogue, queries):
    setup_django()
    from django.test import Client
    from django.test.utils import override_settings

    # As in production, the import leaves the reading to the background worker's queue.
    override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}).enable()
    from media.models import StoredFile, StoredFilePage
    from oer.catalog.importer import import_file
    from oer.files.ingest import run_pending
    from search.backends import get_backend
    from search.indexing import drain

    figures = {}
    report = _phase("import", lambda: import_file(catalogue, files_dir=Path(catalogue).parent), figures)
    assert report.ok, report.error_lines()[:5]
    ingest = _phase("ingest", run_pending, figures)
    assert not ingest.read_failed, ingest.problems[:5]
    _phase("index", drain, figures)
    figures["pages"] = StoredFilePage.objects.count()
    figures["books"] = StoredFile.objects.filter(read_status=StoredFile.ReadStatus.READY).count()
    figures["covers"] = StoredFile.objects.exclude(cover=None).count()
    figures["indexed"] = get_backend().count()
    client = Client()
    figures["page_search"] = _timed_queries(client, page_queries(queries))
    figures["metadata_search"] = _timed_queries(client, metadata_queries(queries))
    return figures


def run_child(catalogue, queries):
    with tempfile.TemporaryDirectory(prefix="acervo-ingest-bench-") as data_dir:
        env = dict(
            os.environ,
            ACERVO_DATA_DIR=data_dir,
            ACERVO_TEST_DATA_DIR=data_dir,
            DJANGO_SETTINGS_MODULE="acervo.settings.test",
            ELASTICSEARCH_URL="",
        )
        env.pop("DATABASE_URL", None)
        command = [sys.executable, __file__, "--child", str(catalogue), "--queries", str(queries)]
        output = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True)
        if output.returncode:
            sys.stderr.write(output.stderr[-4000:])
            raise SystemExit("the measuring process failed")
        return json.loads(output.stdout.strip().splitlines()[-1])


def report(figures, books, pages):
    total_pages = figures["pages"]
    print(
        f"\n{books} libros × {pages} páginas: {total_pages} páginas leídas, {figures['covers']} portadas "
        f"(SQLite, buscador embebido: {figures['indexed']} documentos en el índice)"
    )
    print(f"{'fase':<34}{'segundos':>10}{'páginas/s':>12}{'memoria máx.':>15}")
    rows = [
        ("importación (--files)", "import"),
        ("lectura (texto y portadas)", "ingest"),
        ("indexación (drain)", "index"),
    ]
    for label, key in rows:
        phase = figures[key]
        print(
            f"{label:<34}{phase['seconds']:>10.1f}{total_pages / phase['seconds']:>12.0f}{phase['peak_mb']:>12.0f} MB"
        )
    total = sum(figures[key]["seconds"] for _label, key in rows)
    peak = max(figures[key]["peak_mb"] for _label, key in rows)
    print(f"{'total':<34}{total:>10.1f}{total_pages / total:>12.0f}{peak:>12.0f} MB")
    if not figures["ingest"]["peak_reset"]:
        print("(sin /proc/self/clear_refs: la memoria máxima es la del proceso entero)")
    print(f"\n{'API de búsqueda':<34}{'p50':>10}{'p95':>12}{'con páginas':>15}")
    for label, key in (("con coincidencias en páginas", "page_search"), ("solo metadatos", "metadata_search")):
        search = figures[key]
        print(
            f"{label:<34}{search['p50_ms']:>7.1f} ms{search['p95_ms']:>9.1f} ms"
            f"{search['with_pages']:>8}/{search['queries']}"
        )
    print(
        f"\nmetas: ≥ {TARGETS['pages_per_s']} páginas/s en total, ≤ {TARGETS['peak_mb']} MB en la lectura, "
        f"p95 ≤ {TARGETS['p95_ms']} ms"
    )
    verdicts = {
        "páginas/s": total_pages / total >= TARGETS["pages_per_s"],
        "memoria de la lectura": figures["ingest"]["peak_mb"] <= TARGETS["peak_mb"],
        "p95 con páginas": figures["page_search"]["p95_ms"] <= TARGETS["p95_ms"],
        "p95 solo metadatos": figures["metadata_search"]["p95_ms"] <= TARGETS["p95_ms"],
    }
    print("  ".join(f"{name}: {'cumple' if ok else 'NO cumple'}" for name, ok in verdicts.items()))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--books", type=int, default=400)
    parser.add_argument("--pages", type=int, default=150, help="pages per book (at least 12)")
    parser.add_argument("--queries", type=int, default=200, help="search requests of each kind")
    parser.add_argument(
        "--cache",
        default=os.path.join(tempfile.gettempdir(), "acervo-ingest-bench"),
        help="folder that keeps the generated books between runs",
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.queries)))
        return
    catalogue = prepare(args.books, args.pages, args.cache)
    report(run_child(catalogue, args.queries), args.books, args.pages)


if __name__ == "__main__":
    main()
