"""Hybrid search latency at national-sample size: 20,000 resources and 60,000 book pages, all with vectors.

Usage: python bench/hybrid_latency_bench.py [--resources 20000] [--books 2000] [--pages 30] [--rounds 5]

A child process with its own data folder and SQLite database writes the records straight into
the embedded index (Tantivy plus the vector segments), then asks a mix of keyword queries and
teachers' questions, with and without filters, through three layers and prints p50/p95 of each:
  engine's own  the time spent inside Tantivy calls and the vector product (what the engine does),
  backend       `EmbeddedBackend.search` (query planning, fusion, snippets, pages, facets),
  API           `GET /api/v1/search/` through Django's test client (validation, promotions,
                the search log, JSON).
Vectors: a few hundred real embeddings of the bench's topics (USE multilingual v3), each
record's vector one of them plus noise, so similarities spread as real ones do without
embedding 80,000 texts first (bench/embedding_bench.py measures that throughput).
Nothing here is part of the test run.
"""

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from child_process import run_in_fresh_instance  # noqa: E402
from search_bench import ORDINALS, TOPICS, TYPES, percentile, setup_django  # noqa: E402

QUERIES = [
    {"q": "fracciones quinto"},
    {"q": "ecosistemas", "type": "video"},
    {"q": "ciclo del agua"},
    {"q": "independencia", "grade": "5"},
    {"q": "cómo obtienen energía las plantas"},
    {"q": "video para explicar el ciclo del agua a niños de cuarto"},
    {"q": "por qué llueve"},
    {"q": "quién inició la lucha por la independencia"},
    {"q": "mapas de mexico", "subject": "geografia"},
    {"q": "alimentacion saludable"},
    {"q": "fracsiones"},
    {"q": "qué comer para estar sano", "grade": "3"},
]
PAGE_SENTENCES = [
    "En esta lección trabajamos {topic}: {detail}. Observa la imagen y responde en tu cuaderno.",
    "Actividad {n}. Con tu equipo, investiga sobre {topic} y comparte lo que encontraste: {detail}.",
    "Para saber más sobre {topic}, lee el texto y subraya las ideas principales. {detail}.",
]


def _noisy(base, rng, np):
    vector = base + rng.normal(0, 0.025, base.shape).astype(np.float32)
    return (vector / np.linalg.norm(vector)).tolist()


def _records(resources, books, pages_per_book):
    import numpy as np

    from search.embeddings import encode_passages

    rng = random.Random(42)
    noise = np.random.default_rng(42)
    texts = [f"{topic}: {detail}" for topic, _s, _f, detail in TOPICS]
    texts += [
        s.format(topic=topic, detail=detail, n=n)
        for topic, _s, _f, detail in TOPICS
        for n, s in enumerate(PAGE_SENTENCES)
    ]
    bases = encode_passages(texts)
    for n in range(resources):
        topic_index = rng.randrange(len(TOPICS))
        topic, subject, field, detail = TOPICS[topic_index]
        grade = rng.randint(1, 6)
        kind = "textbook" if n < books else rng.choice(TYPES)
        pages = []
        if n < books:
            for page in range(1, pages_per_book + 1):
                sentence = rng.randrange(len(PAGE_SENTENCES))
                text = PAGE_SENTENCES[sentence].format(topic=topic, detail=detail, n=page) * 6
                base = bases[len(TOPICS) + topic_index * len(PAGE_SENTENCES) + sentence]
                pages.append({"page": page, "text": text, "vector": _noisy(base, noise, np)})
        yield {
            "pk": n + 1,
            "external_id": f"bench:{n:07d}",
            "title": f"{topic[0].upper() + topic[1:]} para {ORDINALS[grade - 1]} grado, parte {n}",
            "url": f"/recursos/bench-{n}/",
            "type": kind,
            "levels": ["primaria"],
            "grades": [grade],
            "fases": [3 + (grade - 1) // 2],
            "fields": [field],
            "subjects": [subject],
            "language": "es",
            "license": "cc-by-4.0",
            "accessibility": [],
            "year": rng.randint(2018, 2024),
            "keywords": [topic, subject],
            "description": f"Material para trabajar {topic} en el aula: {detail}, con actividades y ejemplos.",
            "transcript": "",
            "body": "",
            "tags": [],
            "pages": pages,
            "vector": _noisy(bases[topic_index], noise, np),
        }


class EngineClock:
    """Adds up the time spent inside Tantivy searcher calls and the vector product."""

    def __init__(self):
        self.seconds = 0.0


class TimedSearcher:
    def __init__(self, searcher, clock):
        self._searcher, self._clock = searcher, clock

    def __getattr__(self, name):
        attribute = getattr(self._searcher, name)
        if not callable(attribute):
            return attribute

        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return attribute(*args, **kwargs)
            finally:
                self._clock.seconds += time.perf_counter() - started

        return timed


def child(args):
    setup_django()
    from django.conf import settings
    from django.test import Client

    from search.backends import get_backend
    from search.backends.embedded import vectors
    from search.query import parse_search_query

    settings.ACERVO_SEMANTIC_SEARCH = True
    backend = get_backend()
    started = time.perf_counter()
    written = backend.rebuild(_records(args.resources, args.books, args.pages), expected_count=args.resources)
    index_seconds = time.perf_counter() - started
    clock = EngineClock()
    original_searcher = backend.store.searcher
    backend.store.searcher = lambda: TimedSearcher(original_searcher(), clock)
    original_nearest = vectors.VectorSegments.nearest

    def nearest(self, *a, **k):
        started = time.perf_counter()
        try:
            return original_nearest(self, *a, **k)
        finally:
            clock.seconds += time.perf_counter() - started

    vectors.VectorSegments.nearest = nearest
    # Snippet generators need Tantivy's own searcher object, not the timing proxy.
    import types

    import tantivy

    from search.backends.embedded import snippets

    def create(searcher, *a):
        return tantivy.SnippetGenerator.create(getattr(searcher, "_searcher", searcher), *a)

    snippets.tantivy = types.SimpleNamespace(SnippetGenerator=types.SimpleNamespace(create=create))
    client = Client()
    from django.http import QueryDict

    def as_query(params):
        data = QueryDict(mutable=True)
        data.update(params)
        return parse_search_query(data)

    for params in QUERIES:  # warm: encoder, query vectors of this mix, page cache
        client.get("/api/v1/search/", params)
    engine, full, api = [], [], []
    for _round in range(args.rounds):
        for params in QUERIES:
            query = as_query(params)
            clock.seconds = 0.0
            started = time.perf_counter()
            backend.search(query)
            full.append((time.perf_counter() - started) * 1000)
            engine.append(clock.seconds * 1000)
            started = time.perf_counter()
            response = client.get("/api/v1/search/", params)
            api.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, response.content[:300]
    figures = {
        "resources": written,
        "pages": args.books * args.pages,
        "vectors": backend.vector_count(),
        "index_seconds": index_seconds,
        "requests": len(api),
    }
    for name, values in (("engine", engine), ("backend", full), ("api", api)):
        figures[f"{name}_p50"] = percentile(values, 50)
        figures[f"{name}_p95"] = percentile(values, 95)
    figures["api_over_engine"] = statistics.median(a / e for a, e in zip(api, engine, strict=True) if e)
    print(json.dumps(figures))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--resources", type=int, default=20_000)
    parser.add_argument("--books", type=int, default=2_000)
    parser.add_argument("--pages", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return
    r = run_in_fresh_instance(__file__, sys.argv[1:], prefix="acervo-hybrid-bench-")
    print(
        f"{r['resources']} resources, {r['pages']} pages, {r['vectors']} vectors; "
        f"indexed in {r['index_seconds']:.0f} s; {r['requests']} requests per layer"
    )
    for name, label in (("engine", "engine's own"), ("backend", "backend.search"), ("api", "API")):
        print(f"  {label:16s} p50 {r[name + '_p50']:6.1f} ms   p95 {r[name + '_p95']:6.1f} ms")
    print(f"  API time over the engine's own time (median per request): {r['api_over_engine']:.1f}x")


if __name__ == "__main__":
    main()
