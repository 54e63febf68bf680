"""Tantivy lookups behind spelling suggestions and title completions: which words the index holds."""

from functools import partial

import tantivy

from ...spelling import needs_correction, suggestion_text
from ...text import levenshtein, normalize
from .schema import ANALYZERS, SCHEMA


def spelling_suggestion(searcher, text, meaning):
    """Replace the words `needs_correction` flags by the closest word the catalogue does contain."""
    if meaning is None:
        return None
    typed, corrected = normalize(text).split(), []
    in_index = partial(_in_index, searcher)
    for word in typed:
        replacement = _closest_word(searcher, word) if needs_correction(word, in_index) else None
        corrected.append(replacement or word)
    return suggestion_text(typed, corrected)


def _in_index(searcher, word):
    """A word of the catalogue or of a book's pages is no typo; corrections come from the catalogue only."""
    if searcher.doc_freq("words", word):
        return True
    stems = ANALYZERS["es"].analyze(word)
    return bool(stems) and searcher.doc_freq("text", stems[0]) > 0


def _closest_word(searcher, word):
    """The catalogue word nearest by edit distance; among equally near ones, the one more resources hold."""
    distance = 1 if len(word) < 6 else 2
    query = tantivy.Query.fuzzy_term_query(SCHEMA, "words", word, distance=distance)
    gaps = {}
    for _score, address in searcher.search(query, limit=20).hits:
        stored = searcher.doc(address).to_dict()
        texts = [*stored.get("title", []), *stored.get("keywords", []), *stored.get("description", [])]
        for candidate in set(normalize(" ".join(texts)).split()) - gaps.keys():
            gaps[candidate] = levenshtein(word, candidate)
    near = [candidate for candidate, gap in gaps.items() if 0 < gap <= distance]
    if not near:
        return None
    return min(near, key=lambda candidate: (gaps[candidate], -searcher.doc_freq("words", candidate), candidate))


def complete_titles(searcher, prefix, limit):
    """Distinct titles whose words start like the typed ones, best first."""
    words = ANALYZERS["fold"].analyze(prefix)[:8]
    if not words:
        return []
    query = tantivy.Query.phrase_prefix_query(SCHEMA, "title_words", words)
    titles = []
    for _score, address in searcher.search(query, limit=limit * 3).hits:
        title = searcher.doc(address).to_dict()["title"][0]
        if title not in titles:
            titles.append(title)
        if len(titles) == limit:
            break
    return titles
