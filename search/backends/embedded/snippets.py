"""Snippets of embedded results: Tantivy's highlighted fragment as escaped HTML with <mark>."""

import html

import tantivy

from ..base import SNIPPET_CHARS, plain_snippet
from .schema import SCHEMA

SNIPPET_FIELDS = ("description", "transcript", "body", "title")


# Stand-ins for <mark> and </mark> while the fragment is escaped in one go.
_OPEN, _CLOSE = b"\x02", b"\x03"


def render_snippet(snippet):
    """Tantivy snippet -> HTML: the fragment escaped, highlighted ranges in <mark>."""
    raw = snippet.fragment().encode("utf-8").replace(_OPEN, b" ").replace(_CLOSE, b" ")
    pieces, cursor = [], 0
    for span in sorted(snippet.highlighted(), key=lambda s: s.start):
        if span.start < cursor:
            continue
        pieces += [raw[cursor : span.start], _OPEN, raw[span.start : span.end], _CLOSE]
        cursor = span.end
    pieces.append(raw[cursor:])
    text = html.escape(b"".join(pieces).decode("utf-8", "ignore"))
    return text.replace(_OPEN.decode(), "<mark>").replace(_CLOSE.decode(), "</mark>")


class Snippets:
    """The first field with a match gives the snippet; without any, the description's start."""

    def __init__(self, searcher, text_query, fields=SNIPPET_FIELDS):
        self.generators = {}
        if text_query is not None:
            for field in fields:
                generator = tantivy.SnippetGenerator.create(searcher, text_query, SCHEMA, field)
                generator.set_max_num_chars(SNIPPET_CHARS)
                self.generators[field] = generator

    def highlighted(self, doc):
        for generator in self.generators.values():
            snippet = generator.snippet_from_doc(doc)
            if snippet.highlighted():
                return render_snippet(snippet)
        return None

    def for_result(self, doc, stored):
        return self.highlighted(doc) or plain_snippet((stored.get("description") or [""])[0])


def plain_page_snippet(doc):
    """The start of a page found by meaning, where none of the typed words stands."""
    return plain_snippet((doc.to_dict().get("text") or [""])[0])
