"""Run a validated query on the configured backend and shape the API's response."""

import logging

from .backends import get_backend
from .backends.base import SearchUnavailable
from .facets import build_facets

logger = logging.getLogger(__name__)


def run_search(query, backend=None):
    backend = backend or get_backend()
    try:
        results = backend.search(query)
    except SearchUnavailable:
        raise
    except Exception as exc:  # a broken index must cost a 503 and a log line, not a 500
        logger.exception("search failed")
        raise SearchUnavailable(str(exc)) from exc
    return {
        "count": results.count,
        "page": query.page,
        "page_size": query.page_size,
        "results": results.hits,
        "facets": build_facets(results.facets, query),
        "suggestion": results.suggestion,
    }


def run_suggest(prefix, backend=None, limit=10):
    backend = backend or get_backend()
    try:
        return backend.suggest(prefix, limit=limit)
    except SearchUnavailable:
        raise
    except Exception as exc:
        logger.exception("suggest failed")
        raise SearchUnavailable(str(exc)) from exc
