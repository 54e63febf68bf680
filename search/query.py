"""The validated search request (parameters in docs/api-busqueda.md): one SearchQuery drives every backend."""

import unicodedata
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from oer import taxonomy

MAX_QUERY_CHARS = 500
MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20
# Deep pages cost the engine a lot and nobody reads them; this also bounds offsets.
MAX_PAGE = 500
SORTS = ("relevance", "newest", "title")

# Search finds courses beside resources: its type vocabulary is the catalogue's plus "course",
# which stays out of taxonomy.RESOURCE_TYPES because a catalogue record can never be a course.
COURSE = "course"
SEARCH_TYPES = taxonomy.Vocabulary("type", [*taxonomy.RESOURCE_TYPES, taxonomy.Term(COURSE, _lazy("Curso"))])

# Filter parameter -> vocabulary it is checked against ("grade" is numeric, see below).
FILTER_VOCABULARIES = {
    "type": SEARCH_TYPES,
    "level": taxonomy.LEVELS,
    "field": taxonomy.FIELDS,
    "subject": taxonomy.SUBJECTS,
    "language": taxonomy.LANGUAGES,
    "license": taxonomy.LICENSES,
    "accessibility": taxonomy.ACCESSIBILITY,
}
FACETS = ("type", "level", "grade", "field", "subject", "language", "accessibility", "license")
ALL_GRADES = sorted({grade for grades in taxonomy.GRADES_BY_LEVEL.values() for grade in grades})


class SearchQueryError(ValueError):
    """Bad request parameters, as {parameter: Spanish message}."""

    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


@dataclass(frozen=True)
class SearchQuery:
    text: str = ""
    filters: dict = field(default_factory=dict)  # facet name -> tuple of slugs (ints for grade)
    page: int = 1
    page_size: int = DEFAULT_PAGE_SIZE
    sort: str = "relevance"

    @property
    def offset(self):
        return (self.page - 1) * self.page_size

    @property
    def effective_sort(self):
        """Browsing without words has no relevance to sort by, so it lists by title."""
        if self.sort == "relevance" and not self.text:
            return "title"
        return self.sort

    def filters_except(self, facet):
        return {name: values for name, values in self.filters.items() if name != facet}


def clean_text(raw):
    """Drop control characters and collapse spaces; what remains is what people typed."""
    kept = [" " if unicodedata.category(ch).startswith("C") else ch for ch in raw]
    return " ".join("".join(kept).split())


def _positive_int(raw, name, errors, default, maximum):
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except (TypeError, ValueError):
        errors[name] = _("Debe ser un número entero.")
        return default
    if value < 1:
        errors[name] = _("Debe ser 1 o mayor.")
        return default
    if value > maximum:
        errors[name] = _("No puede ser mayor que %(max)d.") % {"max": maximum}
        return default
    return value


def _grades(values, errors):
    grades = []
    for raw in values:
        try:
            grade = int(raw)
        except (TypeError, ValueError):
            errors["grade"] = _("«%(value)s» no es un grado: use números del 1 al 6.") % {"value": raw[:40]}
            return ()
        if grade not in ALL_GRADES:
            errors["grade"] = _("El grado %(value)d no existe: use números del 1 al 6.") % {"value": grade}
            return ()
        grades.append(grade)
    return tuple(dict.fromkeys(grades))


def parse_search_query(params):
    """Build a SearchQuery from request parameters (a QueryDict) or raise SearchQueryError."""
    errors = {}
    raw_text = params.get("q", "") or ""
    if len(raw_text) > MAX_QUERY_CHARS:
        errors["q"] = _("La búsqueda es demasiado larga: máximo %(max)d caracteres.") % {"max": MAX_QUERY_CHARS}
        raw_text = ""
    text = clean_text(raw_text)

    filters = {}
    for name, vocabulary in FILTER_VOCABULARIES.items():
        values = [value.strip() for value in params.getlist(name) if value.strip()]
        unknown = [value for value in values if value not in vocabulary]
        if unknown:
            errors[name] = _("Valor desconocido «%(value)s». Valores válidos: %(valid)s.") % {
                "value": unknown[0][:40],
                "valid": ", ".join(vocabulary.slugs),
            }
        elif values:
            filters[name] = tuple(dict.fromkeys(values))
    grades = _grades([value.strip() for value in params.getlist("grade") if value.strip()], errors)
    if grades:
        filters["grade"] = grades

    page = _positive_int(params.get("page"), "page", errors, 1, MAX_PAGE)
    page_size = _positive_int(params.get("page_size"), "page_size", errors, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE)
    sort = params.get("sort") or "relevance"
    if sort not in SORTS:
        errors["sort"] = _("Orden desconocido «%(value)s». Use relevance, newest o title.") % {"value": sort[:40]}

    if errors:
        raise SearchQueryError(errors)
    return SearchQuery(text=text, filters=filters, page=page, page_size=page_size, sort=sort)
