"""Promoted results: pages editors pin to the top of the first page of results for one query.

Promotions are Wagtail's own (`wagtail.contrib.search_promotions`, managed under Propiedades →
Resultados de búsqueda promocionados); they match on the normalised query (`search.text.normalize`), so
«Fotosíntesis» and «fotosintesis» are one query. See docs/informe-busquedas.md.
"""

import logging

from django.core.cache import cache
from django.db import DatabaseError, transaction
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page

from courses.models import CoursePage
from oer.models import ResourcePage

from .backends.base import FACET_FIELDS, RESULT_FIELDS, plain_snippet
from .records import course_document, resource_document
from .text import normalize

logger = logging.getLogger(__name__)

# A promoted page's result is built from its search record once per publication.
ENTRY_CACHE_SECONDS = 24 * 60 * 60


def promote(query, hits):
    """`hits` with this query's promoted pages first (page 1 only), each once and marked "promoted"."""
    if not query.text:
        return hits
    try:
        with transaction.atomic():
            entries = [entry for entry in promoted_entries(query.text) if _passes(entry, query.filters)]
    except DatabaseError:
        # Promotions are a garnish: without them the engine's results still answer.
        logger.exception("could not read the promoted results")
        return hits
    if not entries:
        return hits
    promoted_ids = {entry["external_id"] for entry in entries}
    rest = [hit for hit in hits if hit["external_id"] not in promoted_ids]
    if query.page != 1:
        # Shown on page 1 already: not a second time further on.
        return rest
    return [_public_entry(entry) for entry in entries] + rest


def promoted_entries(text):
    """The result entries of the live, public pages promoted for `text`, in the editors' order."""
    wanted = normalize(text)
    if not wanted:
        return []
    # Promotions are few; matching accent-folded text is simpler here than in SQL.
    promotions = [
        promotion
        for promotion in SearchPromotion.objects.filter(page__isnull=False)
        .select_related("query")
        .order_by("sort_order", "pk")
        if normalize(promotion.query.query_string) == wanted
    ]
    if not promotions:
        return []
    # What search may show: live, public resources and courses (as `search.indexing` indexes).
    pages = {
        page.pk: page
        for page in Page.objects.filter(pk__in={promotion.page_id for promotion in promotions})
        .live()
        .public()
        .type(ResourcePage, CoursePage)
        .specific()
    }
    entries, seen = [], set()
    for promotion in promotions:
        page = pages.get(promotion.page_id)
        if page is None or page.pk in seen:
            continue
        seen.add(page.pk)
        entry = _entry(page)
        if promotion.description:
            entry = {**entry, "snippet": plain_snippet(promotion.description)}
        entries.append(entry)
    return entries


def _entry(page):
    """RESULT_FIELDS of the page's search record plus its snippet, the shape every backend returns."""
    published = page.last_published_at.timestamp() if page.last_published_at else 0
    key = f"search:promoted-entry:{page.pk}:{published}"
    entry = cache.get(key)
    if entry is None:
        record = course_document(page) if isinstance(page, CoursePage) else resource_document(page)
        entry = {name: record[name] for name in RESULT_FIELDS}
        entry["snippet"] = plain_snippet(record["description"])
        # Filters are checked on the record's fields, which results do not all carry.
        entry["_filters"] = {facet: _values(record[field]) for facet, field in FACET_FIELDS.items()}
        cache.set(key, entry, ENTRY_CACHE_SECONDS)
    return entry


def _values(value):
    return list(value) if isinstance(value, list | tuple) else [value]


def _passes(entry, filters):
    """The backends' rule: any of a facet's values, every facet given."""
    return all(set(entry["_filters"][facet]) & set(values) for facet, values in filters.items())


def _public_entry(entry):
    return {**{key: value for key, value in entry.items() if key != "_filters"}, "promoted": True}
