"""Books found by their pages, and page hits under the results shown.

A page is a document of its own, scored against its own length. `matching_books` says which
books have a page holding the typed words (and how well their best page answers); `page_hits`
then asks, for the books on the page of results only, which pages to show and how many match,
so that cost follows the page size, not the number of pages in the index.
"""

import tantivy

from ..base import PAGES_PER_RESULT
from .schema import PAGE, SCHEMA
from .snippets import Snippets, plain_page_snippet

# Best-scoring pages read to rank their books; books with matching pages beyond these still
# qualify as results (the aggregation names them), without a page bonus.
SCORED_PAGES = 300
MAX_BOOKS = 10_000
# A book's best page counts 0.7 of what its metadata would for the same words (bench/question_bench.py:
# at full weight a book holding «fracciones» on every page outranks the videos titled so).
PAGE_WEIGHT = 0.7


def matching_books(searcher, page_query):
    """{resource key: bonus} of every book with a page matching `page_query` (already filtered to pages)."""
    if page_query is None:
        return {}
    counts = searcher.aggregate(page_query, {"parents": {"terms": {"field": "parent", "size": MAX_BOOKS}}})
    books = {bucket["key"]: 0.0 for bucket in counts["parents"]["buckets"]}
    if not books:
        return {}
    for score, address in searcher.search(page_query, limit=SCORED_PAGES).hits:
        key = searcher.doc(address).to_dict()["parent"][0]
        books[key] = max(books.get(key, 0.0), score * PAGE_WEIGHT)
    return books


def _of_book(key, query=None):
    clauses = [(tantivy.Occur.Must, tantivy.Query.term_query(SCHEMA, "parent", key))]
    clauses.append((tantivy.Occur.Must, tantivy.Query.term_query(SCHEMA, "doc_kind", PAGE)))
    if query is not None:
        clauses.append((tantivy.Occur.Must, query))
    return tantivy.Query.boolean_query(clauses)


def page_hits(searcher, page_query, keys, nearby_pages=None):
    """{key: {"pages": [{"page", "snippet"}, …best first], "page_hits": n}} for the books `keys` shown.

    Pages matching the words come first; `nearby_pages` ({key: [(page, similarity)]}, from the
    dense vectors) add the pages that answer by meaning, for books whose words matched on fewer
    than PAGES_PER_RESULT pages.
    """
    nearby_pages = nearby_pages or {}
    keys = list(keys)
    if not keys or (page_query is None and not nearby_pages):
        return {}
    snippets = Snippets(searcher, page_query, fields=("text",))
    found = {}
    counts = {}
    if page_query is not None:
        among = tantivy.Query.term_set_query(SCHEMA, "parent", keys)
        matching = tantivy.Query.boolean_query([(tantivy.Occur.Must, page_query), (tantivy.Occur.Must, among)])
        aggregated = searcher.aggregate(matching, {"parents": {"terms": {"field": "parent", "size": len(keys)}}})
        counts = {bucket["key"]: bucket["doc_count"] for bucket in aggregated["parents"]["buckets"]}
    for key in keys:
        pages, numbers = [], set()
        if counts.get(key):
            for _score, address in searcher.search(_of_book(key, page_query), limit=PAGES_PER_RESULT).hits:
                doc = searcher.doc(address)
                number = doc.to_dict()["page"][0]
                numbers.add(number)
                pages.append({"page": number, "snippet": snippets.highlighted(doc) or ""})
        extra = [number for number, _similarity in nearby_pages.get(key, ()) if number not in numbers]
        for number in extra[: PAGES_PER_RESULT - len(pages)]:
            doc = _page_document(searcher, key, number)
            if doc is not None:
                numbers.add(number)
                pages.append({"page": number, "snippet": snippets.highlighted(doc) or plain_page_snippet(doc)})
        if pages:
            found[key] = {"pages": pages, "page_hits": max(counts.get(key, 0), len(numbers))}
    return found


def _page_document(searcher, key, number):
    number_query = tantivy.Query.range_query(SCHEMA, "page", tantivy.FieldType.Integer, number, number)
    hits = searcher.search(_of_book(key, number_query), limit=1).hits
    return searcher.doc(hits[0][1]) if hits else None
