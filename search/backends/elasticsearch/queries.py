"""A SearchQuery as elasticsearch-dsl request bodies: plain data, checked by the contract tests."""

from elasticsearch_dsl import A, Q, Search

from ...query import FACETS
from ...understanding import understand
from ..base import FACET_FIELDS, PAGES_PER_RESULT, RESULT_FIELDS, SNIPPET_CHARS
from .documents import ALIAS
from .spelling import SPELLING

TEXT_FIELDS = [
    "title^5",
    "title.exact^2",
    "keywords^3",
    "tags^2",
    "description^1.5",
    "description.exact",
    "body^0.8",
    "transcript^0.5",
]
HINT_BOOSTS = {"type": 6.0, "subjects": 5.0, "fields": 3.0, "grades": 4.0, "fases": 4.0, "levels": 3.0}
SNIPPET_FIELDS = ("description", "transcript", "body", "title")
HIGHLIGHT = {"pre_tags": ["<mark>"], "post_tags": ["</mark>"], "encoder": "html"}
# A page's words count less than the same words in the metadata, unless they stand together:
# then the page answers the question, and the bonus outweighs those words scattered over a
# description (about 5 per word with its exact sub-field), as the embedded engine's does.
PAGE_WEIGHT = 0.3
NEARBY_SLOP = 6
NEARBY_BONUS = 15.0


def _filter(filters):
    return [Q("terms", **{FACET_FIELDS[facet]: list(values)}) for facet, values in filters.items()]


def pages_query(words):
    """The best page holding every typed word scores the book; inner hits name the best pages."""
    page = Q(
        "bool",
        must=[Q("match", pages__text={"query": words, "operator": "and", "boost": PAGE_WEIGHT})],
        should=[
            Q(
                "constant_score",
                filter=Q("match_phrase", pages__text={"query": words, "slop": NEARBY_SLOP}),
                boost=NEARBY_BONUS,
            )
        ],
    )
    inner_hits = {
        "size": PAGES_PER_RESULT,
        "_source": False,
        "docvalue_fields": ["pages.page"],
        # The html encoder escapes the page text; only our <mark> tags stay markup.
        "highlight": {
            "fields": {"pages.text": {"fragment_size": SNIPPET_CHARS, "number_of_fragments": 1}},
            **HIGHLIGHT,
        },
    }
    return Q("nested", path="pages", score_mode="max", query=page, inner_hits=inner_hits)


def text_query(text):
    """Words must match in the metadata or on one page (with typos and synonyms); hints only boost."""
    meaning = understand(text)
    hints = [
        Q("constant_score", filter=Q("term", **{field: value}), boost=HINT_BOOSTS[field])
        for field, values in (
            ("type", meaning.types),
            ("grades", meaning.grades),
            ("fases", meaning.fases),
            ("levels", meaning.levels),
            ("subjects", meaning.subjects),
            ("fields", meaning.fields),
        )
        for value in sorted(values)
    ]
    required = [" ".join(c.phrases[0]) for c in meaning.required]
    if required:
        words = " ".join(required)
        metadata = Q(
            "multi_match",
            query=words,
            fields=TEXT_FIELDS,
            type="most_fields",
            operator="and",
            fuzziness="AUTO",
            prefix_length=1,
        )
        either = Q("bool", should=[metadata, pages_query(words)], minimum_should_match=1)
        return Q("bool", must=[either], should=hints)
    optional = [" ".join(c.phrases[0]) for c in meaning.concepts]
    should = hints + ([Q("multi_match", query=" ".join(optional), fields=TEXT_FIELDS)] if optional else [])
    return Q("bool", should=should, minimum_should_match=1)


def build_search(query, index=ALIAS):
    """The whole request: text, post_filter for facets, one filtered aggregation per facet."""
    search = Search(index=index)
    if query.text:
        search = search.query(text_query(query.text))
        search = search.highlight(*SNIPPET_FIELDS, fragment_size=SNIPPET_CHARS, number_of_fragments=1)
        # The html encoder escapes the document text; only our <mark> tags stay markup.
        search = search.highlight_options(**HIGHLIGHT)
        search = search.suggest("spelling", query.text, phrase=SPELLING)
    # Filters go to post_filter so each facet can count with every *other* filter applied.
    if query.filters:
        search = search.post_filter(Q("bool", filter=_filter(query.filters)))
    for facet in FACETS:
        others = _filter(query.filters_except(facet))
        terms = A("terms", field=FACET_FIELDS[facet], size=200)
        search.aggs.bucket(facet, "filter", filter=Q("bool", filter=others)).bucket("values", terms)
    sort = query.effective_sort
    if sort == "title":
        search = search.sort("title.sort")
    elif sort == "newest":
        search = search.sort({"year": {"order": "desc"}}, "_score")
    search = search.source(list(RESULT_FIELDS) + ["description"])
    search = search.extra(track_total_hits=True)
    return search[query.offset : query.offset + query.page_size]


def build_suggest(prefix, limit=10, index=ALIAS):
    completion = {"field": "title.suggest", "size": limit, "skip_duplicates": True}
    return Search(index=index).suggest("titles", prefix, completion=completion).source(["title"])
