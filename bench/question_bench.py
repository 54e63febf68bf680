"""Teachers' questions and keyword queries on the demo: lexical search and hybrid search side by side.

Usage: python bench/question_bench.py

One child process loads the demo (`load_demo`: the catalogue and the three sample books with
their pages read), makes sure every record has its vectors, rebuilds the index, then asks every
question of bench/questions_dev.json and every keyword query of bench/queries_dev.json through
`/api/v1/search/`, twice: with semantic search off (words only) and on (words and vectors fused).
It prints, for each: nDCG@10, the share of questions whose best answer is in the first 3
results, and the share whose answering book shows a page of the right chapter. Nothing here is
part of the test run.
"""

import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from child_process import run_in_fresh_instance  # noqa: E402
from search_bench import ndcg_at_10, setup_django  # noqa: E402

QUESTIONS = Path(__file__).resolve().parent / "questions_dev.json"
KEYWORDS = Path(__file__).resolve().parent / "queries_dev.json"


def chapter_pages():
    """{external id: {chapter title: set of page numbers}} of the sample books."""
    from oer.demo.books import ciencias, guia, matematicas

    books = {
        "acervo:muestra:ciencias-naturales-quinto": ciencias.BOOK,
        "acervo:muestra:cuaderno-matematicas-quinto": matematicas.BOOK,
        "acervo:muestra:guia-docente-fase-5": guia.BOOK,
    }
    return {
        external_id: {
            chapter.title: set(range(start, start + chapter.pages))
            for chapter, start in zip(book.chapters, book.chapter_starts(), strict=True)
        }
        for external_id, book in books.items()
    }


def ensure_vectors():
    """Run the background work now (vectors of every record and page), then rebuild the index with them."""
    from django.core.management import call_command

    from search import indexing
    from search.backends import get_backend

    call_command("ingest_files", verbosity=0, stdout=open(os.devnull, "w"))
    get_backend().rebuild(indexing.documents(), expected_count=sum(indexing.searchable_counts()))


def score(client, items, chapters):
    ndcgs, top3, pages_found, page_questions, times = [], [], [], 0, []
    for item in items:
        started = time.perf_counter()
        body = client.get("/api/v1/search/", {"q": item["q"], "page_size": 10}).json()
        times.append((time.perf_counter() - started) * 1000)
        ranked = [hit["external_id"] for hit in body["results"]]
        judgments = item["judgments"]
        ndcgs.append(ndcg_at_10(ranked, judgments))
        best = [external_id for external_id, grade in judgments.items() if grade == max(judgments.values())]
        top3.append(any(external_id in ranked[:3] for external_id in best))
        for external_id, chapter in item.get("chapters", {}).items():
            page_questions += 1
            wanted = chapters[external_id][chapter]
            shown = [hit for hit in body["results"] if hit["external_id"] == external_id]
            pages_found.append(bool(shown and {p["page"] for p in shown[0].get("pages", [])} & wanted))
    return {
        "ndcg10": statistics.mean(ndcgs),
        "top3": sum(top3) / len(top3),
        "pages": (sum(pages_found) / page_questions) if page_questions else None,
        "page_questions": page_questions,
        "queries": len(items),
        "p50_ms": statistics.median(times),
    }


def child():
    setup_django()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    started = time.perf_counter()
    call_command("load_demo", verbosity=0, stdout=open(os.devnull, "w"))
    ensure_vectors()
    load_seconds = time.perf_counter() - started
    from search.backends import get_backend

    backend = get_backend()
    vectors = backend.vector_count() if hasattr(backend, "vector_count") else None
    questions = json.loads(QUESTIONS.read_text(encoding="utf-8"))["queries"]
    keywords = json.loads(KEYWORDS.read_text(encoding="utf-8"))["queries"]
    chapters = chapter_pages()
    client = Client()
    result = {"load_seconds": load_seconds, "vectors": vectors}
    for mode, semantic in (("lexical", False), ("hybrid", True)):
        settings.ACERVO_SEMANTIC_SEARCH = semantic
        client.get("/api/v1/search/", {"q": "calentar"})  # loads the encoder outside the timings
        result[mode] = {"questions": score(client, questions, chapters), "keywords": score(client, keywords, chapters)}
    print(json.dumps(result))


def main():
    if "--child" in sys.argv:
        child()
        return
    r = run_in_fresh_instance(__file__, prefix="acervo-question-bench-")
    print(f"demo loaded and indexed in {r['load_seconds']:.0f} s; vectors in the index: {r['vectors']}")
    for name, label in (
        ("questions", "teachers' questions (bench/questions_dev.json)"),
        ("keywords", "keyword queries (bench/queries_dev.json)"),
    ):
        lexical, hybrid = r["lexical"][name], r["hybrid"][name]
        print(f"{label}, {lexical['queries']} queries:")
        print(f"  {'':28s}{'lexical':>10s}{'hybrid':>10s}")
        print(f"  {'nDCG@10':28s}{lexical['ndcg10']:10.3f}{hybrid['ndcg10']:10.3f}")
        print(f"  {'best answer in top 3':28s}{lexical['top3']:10.0%}{hybrid['top3']:10.0%}")
        if lexical["page_questions"]:
            shown = f"{lexical['pages']:10.0%}{hybrid['pages']:10.0%}"
            print(f"  {'right chapter page shown':28s}{shown}  ({lexical['page_questions']} questions)")
        print(f"  {'API p50 (ms)':28s}{lexical['p50_ms']:10.1f}{hybrid['p50_ms']:10.1f}")


if __name__ == "__main__":
    main()
