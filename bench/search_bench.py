"""Search benchmark: the embedded engine against Wagtail's database search backend, side by side.

Usage: python bench/search_bench.py [--docs 100000] [--rounds 5] [--phases relevance,latency]

relevance: the demo catalogue, nDCG@10 over bench/queries_dev.json for both backends.
latency:   N synthetic Spanish resources; bulk-indexing docs/s for both, then p50/p95 of the
           same request (query + filter + facets + page of 20) through each backend.
Each phase runs in a child process with its own empty data folder and SQLite database.
Figures are printed; nothing here is part of the test run.
"""

import argparse
import json
import math
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUERIES = Path(__file__).resolve().parent / "queries_dev.json"

TOPICS = [
    ("fracciones", "matematicas", "saberes-y-pensamiento-cientifico", "repartos, medios, cuartos y octavos"),
    ("ecosistemas", "ciencias-naturales", "saberes-y-pensamiento-cientifico", "selva, desierto, manglar y seres vivos"),
    ("la Independencia de México", "historia", "etica-naturaleza-y-sociedades", "Hidalgo, Morelos y la consumación"),
    ("lectura en voz alta", "espanol", "lenguajes", "cuentos, leyendas y poemas"),
    (
        "el ciclo del agua",
        "ciencias-naturales",
        "saberes-y-pensamiento-cientifico",
        "evaporación, condensación y lluvia",
    ),
    ("mapas de México", "geografia", "etica-naturaleza-y-sociedades", "estados, capitales y puntos cardinales"),
    ("convivencia escolar", "formacion-civica-y-etica", "de-lo-humano-y-lo-comunitario", "acuerdos, respeto y diálogo"),
    ("multiplicación", "matematicas", "saberes-y-pensamiento-cientifico", "grupos iguales y tablas"),
    ("energía", "ciencias-naturales", "saberes-y-pensamiento-cientifico", "cinética, potencial y eléctrica"),
    ("alimentación saludable", "ciencias-naturales", "de-lo-humano-y-lo-comunitario", "Plato del Bien Comer"),
]
ORDINALS = ["primer", "segundo", "tercer", "cuarto", "quinto", "sexto"]
TYPES = ["textbook", "video", "audio", "teacher_guide", "activity"]
LATENCY_QUERIES = [
    ({"q": "fracciones quinto"}),
    ({"q": "ecosistemas", "type": "video"}),
    ({"q": "ciclo del agua"}),
    ({"q": "independencia", "grade": "5"}),
    ({"q": "mapas de mexico"}),
    ({"q": "multiplicacion tercer grado"}),
    ({"q": "lectura", "type": "textbook"}),
    ({"q": "energia potencial"}),
    ({"q": "convivencia"}),
    ({"q": "alimentacion saludable", "subject": "ciencias-naturales"}),
    ({"q": "fracsiones"}),
    ({"q": "matematicas"}),
]


def make_record(n, rng):
    topic, subject, field, detail = rng.choice(TOPICS)
    kind = rng.choice(TYPES)
    grade = rng.randint(1, 6)
    record = {
        "external_id": f"bench:{n:07d}",
        "type": kind,
        "title": f"{topic[0].upper() + topic[1:]} para {ORDINALS[grade - 1]} grado, parte {n}",
        "description": f"Material para trabajar {topic} en el aula: {detail}, con actividades y ejemplos cotidianos.",
        "levels": ["primaria"],
        "grades": [grade],
        "fields": [field],
        "subjects": [subject],
        "axes": [],
        "language": rng.choice(["es"] * 9 + ["nah"]),
        "license": rng.choice(["cc-by-4.0", "sep-uso-educativo"]),
        "audience": ["alumno", "docente"],
        "year": rng.randint(2018, 2024),
        "authors": ["Secretaría de Educación Pública"],
        "publisher": "SEP",
        "keywords": [topic, subject],
        "file_url": f"https://recursos.acervo.example/{n}.pdf",
        "cover_url": None,
        "duration_seconds": None,
        "transcript": None,
        "captions": [],
        "week": None,
        "accessibility": [],
    }
    if kind in ("video", "audio"):
        record.update(
            duration_seconds=rng.randint(300, 1800),
            transcript=f"Hola, hoy aprendemos sobre {topic}. Vamos a ver {detail} con ejemplos de la comunidad.",
            accessibility=["transcripcion"],
        )
    return record


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def ndcg_at_10(ranked, judgments):
    gains = [judgments.get(external_id, 0) for external_id in ranked[:10]]
    dcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(gains))
    ideal = sorted(judgments.values(), reverse=True)[:10]
    idcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


# -- child side ---------------------------------------------------------------------------
def setup_django():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "acervo.settings.test")
    import django

    django.setup()
    import logging

    logging.disable(logging.WARNING)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def import_without_search_indexing(path):
    """Load the catalogue; indexing is timed separately for each backend afterwards."""
    import search.indexing
    from oer.catalog.importer import import_file
    from search.models import IndexQueueEntry

    original = search.indexing.drain
    search.indexing.drain = lambda *args, **kwargs: (0, 0)
    try:
        report = import_file(path)
    finally:
        search.indexing.drain = original
    assert report.ok, report.error_lines()[:5]
    IndexQueueEntry.objects.all().delete()


def index_both(with_database=True):
    from django.core.management import call_command

    from oer.models import ResourcePage
    from search.backends import get_backend
    from search.records import resource_document

    # Reading pages from the database is the same for both; the engine's own work is timed alone.
    documents = [resource_document(page) for page in ResourcePage.objects.live().specific().iterator(chunk_size=1000)]
    started = time.perf_counter()
    written = get_backend().rebuild(documents, expected_count=len(documents))
    embedded_seconds = time.perf_counter() - started
    if not with_database:
        return written, embedded_seconds, None
    started = time.perf_counter()
    call_command("update_index", verbosity=0)  # Wagtail's own rebuild also reads the pages itself
    database_seconds = time.perf_counter() - started
    return written, embedded_seconds, database_seconds


def database_search(params, page_size=20):
    """The same request through Wagtail's database backend: search, filter, 3 facets, a page."""
    from django.db.models import Count
    from wagtail.search.backends import get_search_backend

    from oer.models import ResourcePage

    backend = get_search_backend()
    results = backend.search(params.get("q", ""), ResourcePage.objects.live(), operator="or")
    # modelsearch's own facet() does exactly this, minus its FilterField check.
    matched = results.query_compiler.search(results.query_compiler.get_config(backend), None, None)
    for name, column in (("type", "kind"), ("subject", None), ("grade", None)):
        if name in params and column:
            matched = matched.filter(**{f"{column}__in": [params[name]]})
    count = matched.count()
    page = [page.external_id for page in matched[:page_size]]
    facets = {
        column: list(matched.order_by().values(column).annotate(n=Count("pk")).order_by("-n"))
        for column in ("kind", "language", "license")
    }
    return count, page, facets


def phase_relevance():
    setup_django()
    from django.test import Client

    import_without_search_indexing(ROOT / "oer" / "demo" / "catalog.jsonl")
    index_both()
    client = Client()
    queries = json.loads(QUERIES.read_text(encoding="utf-8"))["queries"]
    embedded, database = [], []
    for item in queries:
        body = client.get("/api/v1/search/", {"q": item["q"], "page_size": 10}).json()
        embedded.append(ndcg_at_10([hit["external_id"] for hit in body["results"]], item["judgments"]))
        database.append(ndcg_at_10(database_search({"q": item["q"]}, 10)[1], item["judgments"]))
    return {
        "queries": len(queries),
        "embedded_ndcg10": statistics.mean(embedded),
        "database_ndcg10": statistics.mean(database),
    }


def phase_latency(docs, rounds, with_database=True):
    setup_django()
    from django.test import Client

    path = Path(os.environ["ACERVO_DATA_DIR"]) / "bench.jsonl"
    rng = random.Random(42)
    with open(path, "w", encoding="utf-8") as handle:
        for n in range(docs):
            handle.write(json.dumps(make_record(n, rng), ensure_ascii=False) + "\n")
    started = time.perf_counter()
    import_without_search_indexing(path)
    import_seconds = time.perf_counter() - started
    written, embedded_index, database_index = index_both(with_database)

    client = Client()
    embedded, database = [], []
    for params in LATENCY_QUERIES:  # warm caches once for both
        client.get("/api/v1/search/", params)
        if with_database:
            database_search(params)
    for _round in range(rounds):
        for params in LATENCY_QUERIES:
            started = time.perf_counter()
            response = client.get("/api/v1/search/", params)
            embedded.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, response.content[:300]
            if with_database:
                started = time.perf_counter()
                database_search(params)
                database.append((time.perf_counter() - started) * 1000)
    result = {
        "docs": written,
        "import_seconds": import_seconds,
        "embedded_docs_per_s": written / embedded_index,
        "embedded_p50_ms": percentile(embedded, 50),
        "embedded_p95_ms": percentile(embedded, 95),
        "requests_per_backend": len(embedded),
    }
    if with_database:
        result.update(
            database_docs_per_s=written / database_index,
            database_p50_ms=percentile(database, 50),
            database_p95_ms=percentile(database, 95),
        )
    return result


# -- parent side ---------------------------------------------------------------------------
def run_child(phase, args):
    with tempfile.TemporaryDirectory(prefix="acervo-search-bench-") as data_dir:
        env = dict(
            os.environ,
            ACERVO_DATA_DIR=data_dir,
            ACERVO_TEST_DATA_DIR=data_dir,
            DJANGO_SETTINGS_MODULE="acervo.settings.test",
            ELASTICSEARCH_URL="",
        )
        env.pop("DATABASE_URL", None)
        command = [sys.executable, __file__, "--child", phase, "--docs", str(args.docs), "--rounds", str(args.rounds)]
        if args.embedded_only:
            command.append("--embedded-only")
        output = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True)
        if output.returncode:
            sys.stderr.write(output.stderr[-3000:])
            raise SystemExit(f"phase {phase} failed")
        return json.loads(output.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--phases", default="relevance,latency")
    parser.add_argument(
        "--embedded-only",
        action="store_true",
        help="latency without Wagtail's database backend (its indexing is slow at 100k)",
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        if args.child == "relevance":
            result = phase_relevance()
        else:
            result = phase_latency(args.docs, args.rounds, with_database=not args.embedded_only)
        print(json.dumps(result))
        return
    phases = [p.strip() for p in args.phases.split(",") if p.strip()]
    if "relevance" in phases:
        r = run_child("relevance", args)
        print(f"relevance over {r['queries']} judged queries (bench/queries_dev.json), nDCG@10:")
        print(f"  embedded (Tantivy)        {r['embedded_ndcg10']:.3f}")
        print(f"  Wagtail database backend  {r['database_ndcg10']:.3f}")
        print(f"  difference                {r['embedded_ndcg10'] - r['database_ndcg10']:+.3f}")
    if "latency" in phases:
        r = run_child("latency", args)
        print(
            f"latency at {r['docs']} docs ({r['requests_per_backend']} requests each; catalogue "
            f"import {r['import_seconds']:.0f} s):"
        )
        print(f"  indexing   embedded {r['embedded_docs_per_s']:.0f} docs/s")
        print(
            "  embedded (API: query + filters + 8 facets + snippets + 20 results)  p50 "
            f"{r['embedded_p50_ms']:.1f} ms  p95 {r['embedded_p95_ms']:.1f} ms"
        )
        if "database_p95_ms" in r:
            print(f"  indexing   Wagtail database backend {r['database_docs_per_s']:.0f} docs/s")
            print(
                "  Wagtail database backend (query + filters + 3 facets + 20 results)   p50 "
                f"{r['database_p50_ms']:.1f} ms  p95 {r['database_p95_ms']:.1f} ms"
            )
            print(f"  p95 speed-up            {r['database_p95_ms'] / r['embedded_p95_ms']:.1f}x")


if __name__ == "__main__":
    main()
