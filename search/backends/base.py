"""The backend interface every search engine implements, and what a search returns."""

from dataclasses import dataclass, field


class SearchUnavailable(RuntimeError):
    """The engine cannot be reached or refused the request; callers keep work queued."""


class RebuildRefused(RuntimeError):
    """A freshly built index looks wrong (count far from the database); the old one stays."""


@dataclass
class SearchResults:
    count: int
    hits: list  # dicts with the API's result fields
    facets: dict  # facet -> {value: count}
    suggestion: str | None = None
    extra: dict = field(default_factory=dict)


RESULT_FIELDS = ("external_id", "title", "url", "type", "levels", "grades", "fields", "subjects", "language")


def counts_differ_wildly(index_count, expected):
    """A rebuild may lose a handful of pages to concurrent edits, never a real share of them."""
    if expected is None:
        return False
    return abs(index_count - expected) > max(5, expected // 10)


class SearchBackend:
    """search, suggest, index_many, delete_many, rebuild, count, ping."""

    name = "base"

    def search(self, query):  # -> SearchResults
        raise NotImplementedError

    def suggest(self, prefix, limit=10):  # -> list of titles
        raise NotImplementedError

    def index_many(self, documents):
        raise NotImplementedError

    def delete_many(self, pks):
        raise NotImplementedError

    def rebuild(self, documents, expected_count=None):
        raise NotImplementedError

    def count(self):
        raise NotImplementedError

    def ping(self):
        raise NotImplementedError
