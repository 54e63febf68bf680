"""The reader's query string: which page to open (`pagina`) and which words to mark (`q`)."""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from search.text import normalize

MAX_QUERY_CHARS = 200
MAX_TERMS = 8
# Longer than any real page number; keeps int() away from huge digit strings.
MAX_PAGE_DIGITS = 6
# Short and very common words would mark half the page; the search itself ignores them too.
IGNORED_WORDS = frozenset(
    "al con como del las los mas para pero por que sin sobre una uno unos unas esta este son sus".split()
)


@dataclass(frozen=True)
class PageChoice:
    number: int
    notice: str = ""  # why the page shown is not the one asked for, in Spanish


def choose_page(raw, page_count):
    """The page to open for `?pagina=raw` in a book of `page_count` pages (None: not read yet)."""
    raw = (raw or "").strip()
    if not raw:
        return PageChoice(1)
    if not raw.isdigit() or len(raw) > MAX_PAGE_DIGITS:
        return PageChoice(1, _("«%(value)s» no es un número de página; se muestra la página 1.") % {"value": raw[:20]})
    number = int(raw)
    if number < 1:
        return PageChoice(1, _("Las páginas empiezan en 1; se muestra la página 1."))
    if page_count and number > page_count:
        return PageChoice(
            page_count,
            ngettext(
                "El libro tiene %(count)s página; se muestra esa.",
                "El libro tiene %(count)s páginas; se muestra la última.",
                page_count,
            )
            % {"count": page_count},
        )
    return PageChoice(number)


def clean_query(raw):
    """The query as typed, trimmed and bounded, for display and for links."""
    return " ".join((raw or "").split())[:MAX_QUERY_CHARS]


def highlight_terms(query):
    """The folded words (lowercase, no accents) to mark on the page, with plural endings dropped.

    "fracciones equivalentes" gives ["fraccion", "equivalent"]: the reader marks words that start
    with a term, so the singular and the plural both light up, as the search found them.
    """
    terms = []
    for word in normalize(query).split():
        if (len(word) < 3 and not word.isdigit()) or word in IGNORED_WORDS:
            continue
        if len(word) > 5 and word.endswith("es"):
            word = word[:-2]
        elif len(word) > 4 and word.endswith("s"):
            word = word[:-1]
        if word not in terms:
            terms.append(word)
    return terms[:MAX_TERMS]
