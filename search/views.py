"""The plain /buscar/ page: the API's parameters and results as HTML that needs no JavaScript."""

from urllib.parse import urlencode

from django.shortcuts import render
from django.utils.translation import gettext as _

from .backends.base import SearchUnavailable
from .facets import facet_label
from .query import FACETS, FILTER_VOCABULARIES, SearchQuery, SearchQueryError, clean_text, parse_search_query
from .query_log import count_again_from_cache
from .service import run_search

FACET_TITLES = {
    "type": _("Tipo de recurso"),
    "level": _("Nivel"),
    "grade": _("Grado"),
    "field": _("Campo formativo"),
    "subject": _("Asignatura"),
    "language": _("Lengua"),
    "accessibility": _("Accesibilidad"),
    "license": _("Licencia"),
}
SORT_LABELS = {"relevance": _("Relevancia"), "newest": _("Más recientes"), "title": _("Título")}


def _params(query, **changes):
    """The query as URL parameters, with some changed; pages restart when filters change."""
    params = {"q": query.text, "sort": query.sort if query.sort != "relevance" else "", "page": ""}
    filters = {name: list(values) for name, values in query.filters.items()}
    filters.update(changes.pop("filters", {}))
    params.update(changes)
    pairs = [(key, value) for key, value in params.items() if value not in ("", None, 1)]
    for name, values in filters.items():
        pairs.extend((name, value) for value in values)
    return "?" + urlencode(pairs) if pairs else "?"


def _toggle(query, facet, value):
    selected = list(query.filters.get(facet, ()))
    selected = [v for v in selected if v != value] if value in selected else selected + [value]
    return _params(query, filters={facet: selected})


def _facet_groups(query, facets):
    groups = []
    for facet in FACETS:
        values = [
            {
                **item,
                "selected": item["value"] in query.filters.get(facet, ()),
                "url": _toggle(query, facet, item["value"]),
            }
            for item in facets.get(facet, [])
        ]
        if values:
            groups.append({"name": facet, "title": FACET_TITLES[facet], "values": values})
    return groups


def _pagination(query, count):
    pages = max(1, -(-count // query.page_size))
    return {
        "page": query.page,
        "pages": pages,
        "previous_url": _params(query, page=query.page - 1) if query.page > 1 else None,
        "next_url": _params(query, page=query.page + 1) if query.page < pages else None,
    }


def search_page(request):
    context = {"errors": {}, "results": [], "count": 0, "facet_groups": [], "pagination": None}
    status = 200
    try:
        query = parse_search_query(request.GET)
    except SearchQueryError as exc:
        context["errors"] = exc.errors
        query = SearchQuery(text=clean_text((request.GET.get("q") or "")[:500]))
        status = 400
    # `query` is the typed text, as the shared search-box include expects; the rest is explicit.
    context["search_query"] = query
    context["query"] = context["text"] = query.text
    context["hidden_filters"] = [(name, value) for name, values in query.filters.items() for value in values]
    if status == 200:
        try:
            data = run_search(query)
        except SearchUnavailable:
            context["errors"] = {"servicio": _("La búsqueda no está disponible por ahora. Intente más tarde.")}
            status = 503
        else:
            for result in data["results"]:
                result["type_label"] = FILTER_VOCABULARIES["type"].label(result["type"])
            context.update(
                results=data["results"],
                count=data["count"],
                suggestion=data["suggestion"],
                suggestion_url=_params(SearchQuery(text=data["suggestion"] or "")) if data["suggestion"] else None,
                facet_groups=_facet_groups(query, data["facets"]),
                pagination=_pagination(query, data["count"]),
            )
    context["active_filters"] = [
        {"facet": facet, "label": facet_label(facet, value), "remove_url": _toggle(query, facet, value)}
        for facet, values in query.filters.items()
        for value in values
    ]
    context["sort_options"] = [
        {"value": value, "label": label, "selected": value == query.sort, "url": _params(query, sort=value)}
        for value, label in SORT_LABELS.items()
    ]
    response = render(request, "search/search_page.html", context, status=status)
    if status == 200:
        count_again_from_cache(response, query, context["count"])
    return response
