"""The aggregated search log behind Informes → Búsquedas: one counter row per normalised query per day."""

import logging
from datetime import timedelta

from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from acervo.response_cache import ON_CACHE_HIT

from .models import SearchQueryLog
from .text import normalize

logger = logging.getLogger(__name__)

# Rows older than this are removed by `search_query_log_cleanup` (docs/informe-busquedas.md).
KEEP_DAYS = 400


def logged_text(text):
    """What the log stores for a typed query: normalised, at most 200 characters, or "" for nothing."""
    return normalize(text)[: SearchQueryLog.MAX_QUERY_CHARS].strip()


def log_entry(query, count):
    """(normalised text, 1 if nothing was found else 0) for a search the log counts, or None."""
    if query.page != 1:
        return None
    text = logged_text(query.text)
    return (text, 1 if count == 0 else 0) if text else None


def record_search(query, count):
    """Count a first-page search with words; a failure is logged and never reaches the searcher."""
    entry = log_entry(query, count)
    if entry:
        count_search(*entry)


def count_again_from_cache(response, query, count):
    """Have the anonymous response cache count this search each time it serves the stored answer."""
    entry = log_entry(query, count)
    if entry:
        setattr(response, ON_CACHE_HIT, [("search.query_log.count_search", entry)])


def count_search(text, zero):
    try:
        # A savepoint: under ATOMIC_REQUESTS or a caller's transaction, a failed write here
        # must not leave the surrounding transaction unusable.
        with transaction.atomic():
            _increment(text, timezone.localdate(), zero)
    except DatabaseError:
        logger.exception("could not count a search in the search log")


def _increment(text, day, zero):
    rows = SearchQueryLog.objects.filter(query=text, day=day)
    changes = {"searches": F("searches") + 1, "zero_results": F("zero_results") + zero}
    if rows.update(**changes):
        return
    try:
        with transaction.atomic():
            SearchQueryLog.objects.create(query=text, day=day, searches=1, zero_results=zero)
    except IntegrityError:
        # Another request created today's row between our update and insert: count on it.
        rows.update(**changes)


def remove_old(days=KEEP_DAYS, today=None):
    """Delete the rows of days more than `days` ago; returns how many rows went."""
    cutoff = (today or timezone.localdate()) - timedelta(days=days)
    deleted, _by_model = SearchQueryLog.objects.filter(day__lt=cutoff).delete()
    return deleted
