"""A SearchQuery as Tantivy queries: typed words, synonyms, typos, hints, filters, and book pages."""

import tantivy

from ...understanding import understand
from ..base import FACET_FIELDS
from .schema import ANALYZERS, PAGE, SCHEMA

# Title outranks keywords, which outrank description, then a course's lessons and a transcript.
# A book's page text counts least per word: a 200-page book holds most words somewhere.
FIELD_BOOSTS = {
    "title": 2.5,
    "keywords": 1.8,
    "tags": 1.5,
    "description": 1.0,
    "body": 0.5,
    "transcript": 0.3,
    "pages": 0.3,
}
PAGE_BOOSTS = {"text": 1.0}
FUZZY_FIELDS = ("title", "keywords", "tags", "description")
SYNONYM_WEIGHT = 0.8
FUZZY_WEIGHT = 0.4
HINT_BOOSTS = {"type": 12.0, "subjects": 10.0, "fields": 6.0, "grades": 20.0, "fases": 20.0, "levels": 8.0}
# The typed words close together on a page answer the question, as a metadata field would.
NEARBY_SLOP = 6
NEARBY_BOOSTS = {"pages": 8.0, "text": 4.0}


def _term(field, value, boost):
    return tantivy.Query.boost_query(tantivy.Query.term_query(SCHEMA, field, value), boost)


def _phrase_clauses(words, weight, fuzzy, boosts):
    stems = ANALYZERS["es"].analyze(" ".join(words))
    clauses = []
    if not stems:
        return clauses
    for field, boost in boosts.items():
        if len(stems) == 1:
            clauses.append(_term(field, stems[0], boost * weight))
        else:
            phrase = tantivy.Query.phrase_query(SCHEMA, field, stems, slop=2)
            clauses.append(tantivy.Query.boost_query(phrase, boost * weight))
    if fuzzy and len(stems) == 1 and len(stems[0]) >= 4:
        distance = 2 if len(stems[0]) >= 8 else 1
        for field in FUZZY_FIELDS:
            if field in boosts:
                fuzzy_query = tantivy.Query.fuzzy_term_query(SCHEMA, field, stems[0], distance=distance)
                clauses.append(tantivy.Query.boost_query(fuzzy_query, boosts[field] * FUZZY_WEIGHT))
    return clauses


def _concept_query(concept, boosts):
    clauses = []
    for position, words in enumerate(concept.phrases):
        typed = position == 0
        clauses.extend(_phrase_clauses(words, 1.0 if typed else SYNONYM_WEIGHT, fuzzy=typed, boosts=boosts))
    if not clauses:
        return None
    return tantivy.Query.boolean_query([(tantivy.Occur.Should, clause) for clause in clauses])


def _nearby(meaning, field):
    """A constant bonus when every typed word stands within a few words of the others."""
    stems = [stem for concept in meaning.required for stem in ANALYZERS["es"].analyze(" ".join(concept.phrases[0]))]
    if len(stems) < 2:
        return []
    phrase = tantivy.Query.phrase_query(SCHEMA, field, stems, slop=NEARBY_SLOP)
    return [tantivy.Query.const_score_query(phrase, NEARBY_BOOSTS[field])]


def _hint_clauses(meaning):
    hints = [("type", kind) for kind in sorted(meaning.types)]
    hints += [("grades", g) for g in sorted(meaning.grades)]
    hints += [("fases", f) for f in sorted(meaning.fases)]
    hints += [("levels", level) for level in sorted(meaning.levels)]
    hints += [("subjects", slug) for slug in sorted(meaning.subjects)]
    hints += [("fields", slug) for slug in sorted(meaning.fields)]
    return [
        tantivy.Query.const_score_query(tantivy.Query.term_query(SCHEMA, field, value), HINT_BOOSTS[field])
        for field, value in hints
    ]


def _exact_clauses(text):
    return [_term("exact", token, 0.5) for token in ANALYZERS["exact"].analyze(text)[:16]]


def _combine(required, optional, require_all):
    occur = tantivy.Occur.Must if require_all else tantivy.Occur.Should
    clauses = [(occur, q) for q in required]
    if not required:
        # Only hints were typed ("guía fase 4"): anything matching one of them qualifies.
        clauses.append((tantivy.Occur.Must, tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in optional])))
    else:
        clauses += [(tantivy.Occur.Should, q) for q in optional]
    return tantivy.Query.boolean_query(clauses)


def text_query(text, require_all=True):
    """(query on resources or None, Understanding): None when only stop words or punctuation were typed."""
    meaning = understand(text)
    required = [q for q in (_concept_query(c, FIELD_BOOSTS) for c in meaning.required) if q is not None]
    optional = [q for q in (_concept_query(c, FIELD_BOOSTS) for c in meaning.concepts if not c.required) if q]
    hints = _hint_clauses(meaning)
    if not required and not optional and not hints:
        return None, meaning
    bonuses = hints + _exact_clauses(text) + (_nearby(meaning, "pages") if required else [])
    return _combine(required, optional + bonuses, require_all), meaning


def page_query(meaning, require_all=True):
    """The typed words on page documents, or None; hint words ("quinto", "libro") say nothing of a page."""
    required = [q for q in (_concept_query(c, PAGE_BOOSTS) for c in meaning.required) if q is not None]
    if not required:
        return None
    return _combine(required, _nearby(meaning, "text"), require_all)


def filtered(text_query, filters):
    """Resources matching the text query (or all of them) and the filters; filters do not score."""
    clauses = [
        (tantivy.Occur.Must, tantivy.Query.term_set_query(SCHEMA, FACET_FIELDS[facet], list(values)))
        for facet, values in filters.items()
    ]
    clauses.append((tantivy.Occur.Must, text_query if text_query is not None else tantivy.Query.all_query()))
    # Page documents carry filter fields too, so they are left out explicitly.
    clauses.append((tantivy.Occur.MustNot, tantivy.Query.term_query(SCHEMA, "doc_kind", PAGE)))
    return tantivy.Query.boolean_query(clauses)
