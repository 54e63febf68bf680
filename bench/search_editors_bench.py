"""What the search log and promoted results add to one search: the cost of counting and of the promotion lookup.

Usage: python bench/search_editors_bench.py [--searches 2000] [--promotions 50]

In a child process with its own data folder and SQLite file database: loads the demo catalogue,
then times `record_search` (one counter upsert) over a mix of repeated and new queries, the
promotion lookup for a query without promotions and for one with a promoted page, and the
whole API request (`/api/v1/search/`) with and without a promotion. Figures are printed; nothing
here is part of the test run.
"""

import argparse
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from child_process import ROOT, run_in_fresh_instance  # noqa: E402
from search_bench import percentile  # noqa: E402


def timed(work, rounds):
    samples = []
    for i in range(rounds):
        started = time.perf_counter()
        work(i)
        samples.append((time.perf_counter() - started) * 1000)
    return {"p50_ms": percentile(samples, 50), "p95_ms": percentile(samples, 95)}


def child(searches, promotions):
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    import logging

    logging.disable(logging.WARNING)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    with open(os.devnull, "w") as devnull:
        call_command("load_demo", stdout=devnull)
    from django.test import Client
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    from oer.models import ResourcePage
    from search.promotions import promoted_entries
    from search.query import SearchQuery
    from search.query_log import record_search

    words = [f"consulta {n}" for n in range(searches // 10)]
    log = timed(lambda i: record_search(SearchQuery(text=words[i % len(words)]), i % 3), searches)
    pages = list(ResourcePage.objects.live()[:promotions])
    for n, page in enumerate(pages):
        SearchPromotion.objects.create(query=Query.get(f"promocion {n}"), page=page)
    SearchPromotion.objects.create(query=Query.get("fracciones"), page=pages[0])
    none = timed(lambda i: promoted_entries("ciclo del agua"), 200)
    one = timed(lambda i: promoted_entries("Fracciónes"), 200)
    client = Client()
    api_plain = timed(lambda i: client.get("/api/v1/search/", {"q": "ciclo del agua"}), 200)
    api_promoted = timed(lambda i: client.get("/api/v1/search/", {"q": "fracciones"}), 200)
    return {
        "searches": searches,
        "promotions": len(pages) + 1,
        "record_search": log,
        "lookup_no_match": none,
        "lookup_one_match": one,
        "api_without_promotion": api_plain,
        "api_with_promotion": api_promoted,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--searches", type=int, default=2000)
    parser.add_argument("--promotions", type=int, default=50)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.searches, args.promotions)))
        return
    arguments = ["--searches", str(args.searches), "--promotions", str(args.promotions)]
    r = run_in_fresh_instance(__file__, arguments, prefix="acervo-search-editors-bench-")
    print(f"SQLite file database, demo catalogue, {r['promotions']} promotions")
    rows = [
        ("record_search (one counter upsert)", r["record_search"]),
        ("promotion lookup, no match", r["lookup_no_match"]),
        ("promotion lookup, one promoted page", r["lookup_one_match"]),
        ("GET /api/v1/search/ without promotion", r["api_without_promotion"]),
        ("GET /api/v1/search/ with one promotion", r["api_with_promotion"]),
    ]
    for label, figures in rows:
        print(f"  {label:<42} p50 {figures['p50_ms']:6.2f} ms   p95 {figures['p95_ms']:6.2f} ms")


if __name__ == "__main__":
    main()
