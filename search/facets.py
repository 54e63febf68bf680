"""Facet values with their Spanish labels, in the order people expect to read them."""

from oer import taxonomy

from .query import FACETS, FILTER_VOCABULARIES


def facet_label(facet, value):
    if facet == "grade":
        return str(taxonomy.GRADE_ORDINALS.get(int(value), value))
    return FILTER_VOCABULARIES[facet].label(value)


def _vocabulary_position(facet, value):
    if facet == "grade":
        return int(value)
    slugs = FILTER_VOCABULARIES[facet].slugs
    return slugs.index(value) if value in slugs else len(slugs)


def build_facets(counts, query):
    """{facet: {value: count}} -> the API's facet lists; selected values always stay visible."""
    facets = {}
    for facet in FACETS:
        values = dict(counts.get(facet, {}))
        for selected in query.filters.get(facet, ()):
            values.setdefault(selected, 0)
        known = [
            (value, count) for value, count in values.items() if facet == "grade" or value in FILTER_VOCABULARIES[facet]
        ]
        known.sort(key=lambda item: (-item[1], _vocabulary_position(facet, item[0])))
        facets[facet] = [{"value": value, "label": facet_label(facet, value), "count": count} for value, count in known]
    return facets
