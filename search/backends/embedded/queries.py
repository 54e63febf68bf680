"""A SearchQuery as Tantivy queries: topic words ranked by how many match, synonyms, typos, hints, filters, pages.

Matching is ranked, not all-or-nothing: a resource qualifies when its metadata holds most of the
topic words (`required_matches`), or when one page of its book does; more matches rank higher.
Pages are documents of their own, so each is scored against its own length: a 300-page book no
longer wins a common word just because it holds it somewhere.
"""

import math
from itertools import combinations

import tantivy

from ...understanding import understand
from ..base import FACET_FIELDS
from .pages import PAGE_WEIGHT
from .schema import ANALYZERS, PAGE, SCHEMA

# Title outranks keywords, which outrank description, then a course's lessons and a transcript.
FIELD_BOOSTS = {
    "title": 2.5,
    "keywords": 1.8,
    "tags": 1.5,
    "description": 1.0,
    "body": 0.5,
    "transcript": 0.3,
}
PAGE_BOOSTS = {"text": 1.0}
FUZZY_FIELDS = ("title", "keywords", "tags", "description", "text")
SYNONYM_WEIGHT = 0.8
FUZZY_WEIGHT = 0.4
HINT_BOOSTS = {"type": 12.0, "subjects": 10.0, "fields": 6.0, "grades": 20.0, "fases": 20.0, "levels": 8.0}
# The typed words close together on a page answer the question, as a metadata field would.
NEARBY_SLOP = 6
NEARBY_BOOST = 4.0
# Topic words taken into account for the "most of them" rule: the first ones typed.
MAX_COUNTED_CONCEPTS = 6


def required_matches(topics):
    """How many of `topics` topic words a match needs: all of one or two, then most of them."""
    if topics <= 2:
        return topics
    if topics <= 4:
        return topics - 1
    return math.ceil(topics * 0.6)


def _term(field, value, boost):
    return tantivy.Query.boost_query(tantivy.Query.term_query(SCHEMA, field, value), boost)


def _should(queries):
    return tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in queries])


def _must(queries):
    return tantivy.Query.boolean_query([(tantivy.Occur.Must, q) for q in queries])


def _fuzzy_distance(stem):
    if len(stem) < 4:
        return 0
    return 2 if len(stem) >= 8 else 1


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
    distance = _fuzzy_distance(stems[0]) if fuzzy and len(stems) == 1 else 0
    if distance:
        for field in FUZZY_FIELDS:
            if field in boosts:
                fuzzy_query = tantivy.Query.fuzzy_term_query(SCHEMA, field, stems[0], distance=distance)
                clauses.append(tantivy.Query.boost_query(fuzzy_query, boosts[field] * FUZZY_WEIGHT))
    return clauses


def _concept_query(concept, boosts):
    """The scoring clauses of one concept (typed words, synonyms, the typed word's typos) over `boosts` fields."""
    clauses = []
    for position, words in enumerate(concept.phrases):
        typed = position == 0
        clauses.extend(_phrase_clauses(words, 1.0 if typed else SYNONYM_WEIGHT, fuzzy=typed, boosts=boosts))
    return _should(clauses) if clauses else None


def _at_least(count, matchers):
    """Documents matching at least `count` of `matchers` (match-only queries): a disjunction of their combinations."""
    if count >= len(matchers):
        return _must(matchers)
    return _should([_must(list(group)) for group in combinations(matchers, count)])


class TextPlan:
    """What one typed text asks of resource documents and of page documents."""

    def __init__(self, text):
        self.meaning = understand(text)
        self.topics = [c for c in self.meaning.required if _concept_query(c, FIELD_BOOSTS) is not None]
        self.hints = _hint_clauses(self.meaning)
        hinted = [c for c in self.meaning.concepts if not c.required]
        self.optional = [q for q in (_concept_query(c, FIELD_BOOSTS) for c in hinted) if q is not None]
        # Accents kept: a query typed with accents ranks the exact spelling first.
        self.exact = [_term("exact", token, 0.5) for token in ANALYZERS["exact"].analyze(text)[:16]]

    @property
    def empty(self):
        return not self.topics and not self.optional and not self.hints

    def needed(self, relaxed=False):
        counted = min(len(self.topics), MAX_COUNTED_CONCEPTS)
        return min(1, counted) if relaxed else required_matches(counted)

    def _matchers(self, boosts):
        # Match-only: one constant-score query per counted topic, so combinations stay cheap to score.
        return [
            tantivy.Query.const_score_query(_concept_query(concept, boosts), 0.0)
            for concept in self.topics[:MAX_COUNTED_CONCEPTS]
        ]

    def resource_query(self, relaxed=False, matched_pages=None):
        """Resources whose metadata holds enough topic words, or whose pages matched (`matched_pages`).

        `matched_pages` is {resource key: best page score}; those books qualify and their best page
        adds to their score, as one more field would.
        """
        scoring = [q for q in (_concept_query(c, FIELD_BOOSTS) for c in self.topics) if q is not None]
        bonuses = self.hints + self.optional + self.exact
        pages = matched_pages or {}
        bonuses += [
            tantivy.Query.const_score_query(tantivy.Query.term_query(SCHEMA, "key", key), score)
            for key, score in pages.items()
        ]
        if not self.topics:
            # Only hints were typed ("guía fase 4"): anything matching one of them qualifies.
            return _must([_should(self.hints + self.optional)]) if (self.hints or self.optional) else None
        qualifies = [_at_least(self.needed(relaxed), self._matchers(FIELD_BOOSTS))]
        if pages:
            qualifies.append(tantivy.Query.term_set_query(SCHEMA, "key", list(pages)))
        clauses = [(tantivy.Occur.Must, _should(qualifies))]
        clauses += [(tantivy.Occur.Should, q) for q in scoring + bonuses]
        return tantivy.Query.boolean_query(clauses)

    def page_query(self, relaxed=False):
        """Pages holding enough topic words (typos forgiven), or None; hint words say nothing of a page."""
        if not self.topics:
            return None
        scoring = [q for q in (_concept_query(c, PAGE_BOOSTS) for c in self.topics) if q is not None]
        clauses = [(tantivy.Occur.Must, _at_least(self.needed(relaxed), self._matchers(PAGE_BOOSTS)))]
        # The nearby bonus is not a word score: the book keeps all of it once pages are weighted.
        nearby = _nearby(self.topics, "text", 1 / PAGE_WEIGHT)
        clauses += [(tantivy.Occur.Should, q) for q in scoring + nearby]
        return tantivy.Query.boolean_query(clauses)


def _nearby(topics, field, weight=1.0):
    """A bonus when every typed topic word stands within a few words of the others.

    It grows with the number of words: two words side by side are common, a whole typed sentence
    found on one page is that page answering (it must outrank a video whose title shares a few of
    its words).
    """
    stems = [stem for concept in topics for stem in ANALYZERS["es"].analyze(" ".join(concept.phrases[0]))]
    if len(stems) < 2:
        return []
    # Stop words between them leave gaps, so a longer text may spread further.
    phrase = tantivy.Query.phrase_query(SCHEMA, field, stems, slop=max(NEARBY_SLOP, 2 * len(stems)))
    return [tantivy.Query.const_score_query(phrase, weight * NEARBY_BOOST * (len(stems) - 1))]


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


def keys_query(keys):
    """The resource documents with these keys (dense-retrieval candidates)."""
    return tantivy.Query.term_set_query(SCHEMA, "key", list(keys))


def either(*queries):
    """Documents matching any of `queries` (None entries ignored), scored by the ones they match."""
    present = [q for q in queries if q is not None]
    return present[0] if len(present) == 1 else _should(present)


def filtered(text_query, filters, kind=None):
    """Documents matching the text query (or all of them) and the filters; filters do not score.

    Resources by default; `kind=PAGE` for the page documents (which carry their book's filter fields).
    """
    clauses = [
        (tantivy.Occur.Must, tantivy.Query.term_set_query(SCHEMA, FACET_FIELDS[facet], list(values)))
        for facet, values in filters.items()
    ]
    clauses.append((tantivy.Occur.Must, text_query if text_query is not None else tantivy.Query.all_query()))
    page_documents = tantivy.Query.term_query(SCHEMA, "doc_kind", PAGE)
    clauses.append((tantivy.Occur.Must if kind == PAGE else tantivy.Occur.MustNot, page_documents))
    return tantivy.Query.boolean_query(clauses)
