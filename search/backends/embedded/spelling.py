"""Spelling suggestions and title completions from the words the embedded index holds."""

import tantivy

from ...text import levenshtein, normalize
from ...understanding import hint_words
from .schema import ANALYZERS, SCHEMA


def spelling_suggestion(searcher, text, meaning):
    """Replace words no document contains by the closest word the catalogue does contain."""
    if meaning is None:
        return None
    corrected, changed = [], False
    known = hint_words()
    for word in normalize(text).split():
        replacement = None
        if len(word) >= 4 and word not in known and not word.isdigit() and not _in_index(searcher, word):
            replacement = _closest_word(searcher, word)
        corrected.append(replacement or word)
        changed = changed or bool(replacement)
    return " ".join(corrected) if changed else None


def _in_index(searcher, word):
    """A word of the catalogue or of a book's pages is no typo; corrections come from the catalogue only."""
    if searcher.doc_freq("words", word):
        return True
    stems = ANALYZERS["es"].analyze(word)
    return bool(stems) and searcher.doc_freq("text", stems[0]) > 0


def _closest_word(searcher, word):
    distance = 1 if len(word) < 6 else 2
    query = tantivy.Query.fuzzy_term_query(SCHEMA, "words", word, distance=distance)
    best = None
    for _score, address in searcher.search(query, limit=20).hits:
        stored = searcher.doc(address).to_dict()
        texts = [*stored.get("title", []), *stored.get("keywords", []), *stored.get("description", [])]
        for candidate in normalize(" ".join(texts)).split():
            gap = levenshtein(word, candidate)
            if 0 < gap <= distance and (best is None or gap < best[0]):
                best = (gap, candidate)
    return best[1] if best else None


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
