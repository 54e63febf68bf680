"""Run a validated query on the configured backend and shape the API's response."""

from urllib.parse import urlencode

from .backends import get_backend
from .facets import build_facets
from .promotions import promote
from .query_log import record_search


def run_search(query, backend=None):
    """The API's response body; raises SearchUnavailable when the engine cannot answer."""
    results = (backend or get_backend()).search(query)
    record_search(query, results.count)
    hits = promote(query, results.hits)
    for hit in hits:
        for page in hit.get("pages", ()):
            page["url"] = reader_url(hit["url"], page["page"], query.text)
    return {
        "count": results.count,
        "page": query.page,
        "page_size": query.page_size,
        "results": hits,
        "facets": build_facets(results.facets, query),
        "suggestion": results.suggestion,
    }


def reader_url(resource_url, page, text):
    """Where the book opens at that page with the searched words highlighted (the resource's reader)."""
    return f"{resource_url}leer/?{urlencode({'pagina': page, 'q': text})}"


def run_suggest(prefix, backend=None, limit=10):
    """Up to `limit` title completions; raises SearchUnavailable when the engine cannot answer."""
    return (backend or get_backend()).suggest(prefix, limit=limit)
