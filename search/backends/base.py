"""The contract every search engine implements, the facts both engines share, and what a search returns.

The search record a backend indexes is built by `search.records`; the API that shows its results
is described in docs/api-busqueda.md.
"""

import html
from dataclasses import dataclass, field

# Facet name (the API's filter parameter) -> index field holding its values.
FACET_FIELDS = {
    "type": "type",
    "level": "levels",
    "grade": "grades",
    "field": "fields",
    "subject": "subjects",
    "language": "language",
    "license": "license",
    "accessibility": "accessibility",
}
# The fields of one API result, in the API's order, and which of them are lists.
RESULT_FIELDS = ("external_id", "title", "url", "type", "levels", "grades", "fields", "subjects", "language")
LIST_RESULT_FIELDS = ("levels", "grades", "fields", "subjects")
# Longest snippet, in characters, shown under a result (highlighted fragment or plain description).
SNIPPET_CHARS = 180
# Best matching pages of a book shown under its result; "page_hits" counts all of them.
PAGES_PER_RESULT = 3
# Dense retrieval (search.embeddings): a record, or one of its pages, joins the results when its
# vector's cosine similarity to the query's is at least this. Measured on the judged questions of
# bench/questions_dev.json with USE multilingual v3: answers score about 0.35-0.7, unrelated
# records below 0.25.
MIN_SIMILARITY = 0.2
# Nearest records taken from the vectors, and the reciprocal rank fusion of the two rankings:
# score = sum of 1 / (RRF_RANK_CONSTANT + rank) over the lexical and the dense ranking, within
# the first RRF_WINDOW of each (deeper pages follow the lexical order).
DENSE_CANDIDATES = 100
RRF_RANK_CONSTANT = 60
RRF_WINDOW = 100
# Keywords ("fracciones") already say what they want: there the dense ranking counts half in the
# fusion, while a question's counts as much as the words' (bench/question_bench.py: at full weight
# the keyword set's nDCG@10 fell from 0.948 to 0.938, a book near in meaning outranking the
# resources titled with the word).
KEYWORD_DENSE_WEIGHT = 0.5


class SearchUnavailable(RuntimeError):
    """The engine cannot be reached or refused the request; callers answer 503 or keep work queued."""


class RebuildRefused(RuntimeError):
    """A freshly built index looks wrong (count far from the database); the old one stays."""


@dataclass
class SearchResults:
    count: int  # every matching resource, not only this page of them
    # This page of results: dicts with RESULT_FIELDS plus "snippet", and, for a book with
    # matching pages, "pages" ([{"page", "snippet"}], best first) and "page_hits".
    hits: list
    facets: dict  # facet -> {value: count}, each counted with every *other* filter applied
    suggestion: str | None = None  # a corrected query when words look misspelt
    extra: dict = field(default_factory=dict)


def counts_differ_wildly(index_count, expected):
    """A rebuild may lose a handful of records to concurrent edits, never a real share of them."""
    if expected is None:
        return False
    return abs(index_count - expected) > max(5, expected // 10)


def plain_snippet(text):
    """A snippet with nothing to highlight: the start of the text, cut at a word, escaped."""
    text = text or ""
    if len(text) > SNIPPET_CHARS:
        text = text[:SNIPPET_CHARS].rsplit(" ", 1)[0] + " …"
    return html.escape(text)


class SearchBackend:
    """One search engine behind Acervo's search.

    Every method that talks to the engine raises `SearchUnavailable` when the engine cannot be
    reached, is broken or refuses the request; it never lets the engine's own exceptions escape.
    Callers rely on that: the API answers 503, the indexing queue keeps its entries for a retry.
    Backends log what they convert, so the cause is in the logs while callers stay simple.
    """

    name = "base"

    def search(self, query):
        """Run a validated `search.query.SearchQuery`.

        Returns `SearchResults`: the total count, the requested page of hits (dicts with
        RESULT_FIELDS and an HTML-escaped "snippet" whose matches are wrapped in <mark>), facet
        counts for every facet of `search.query.FACETS`, and a spelling suggestion or None.
        Page text takes part: a record counts, ranks and is faceted once however many of its
        pages match, and a hit whose pages match also carries "pages" (at most
        PAGES_PER_RESULT of {"page", "snippet"}, best first) and "page_hits" (how many match).
        Raises `SearchUnavailable`.
        """
        raise NotImplementedError

    def suggest(self, prefix, limit=10):
        """Returns up to `limit` distinct titles completing `prefix`, best first.

        Raises `SearchUnavailable`.
        """
        raise NotImplementedError

    def index_many(self, documents):
        """Add or replace search records (dicts from `search.records`), keyed by their "pk".

        A record's pages are replaced with it. `documents` may be any iterable, consumed once
        and lazily, so that a batch of books is never held in memory at once. Returns how many were written; they are
        searchable when the call returns. Raises `SearchUnavailable`, in which case none of
        them may be relied upon and the caller retries the whole batch.
        """
        raise NotImplementedError

    def delete_many(self, pks):
        """Remove the records with these pks, and their pages; pks that are not indexed are ignored.

        Returns how many pks were asked for. Raises `SearchUnavailable`.
        """
        raise NotImplementedError

    def rebuild(self, documents, expected_count=None):
        """Write every record into a new index and switch searches to it atomically.

        Searches keep being answered by the old index meanwhile. Returns how many records were
        written. Raises `RebuildRefused` (old index kept) when the new index holds a number of
        records far from `expected_count`, and `SearchUnavailable`.
        """
        raise NotImplementedError

    def count(self):
        """Returns how many records (not pages) the index holds. Raises `SearchUnavailable`."""
        raise NotImplementedError

    def ping(self):
        """Returns True when the engine answers; never raises."""
        raise NotImplementedError
