"""A SearchQuery as elasticsearch-dsl request bodies: plain data, checked by the contract tests."""

from elasticsearch_dsl import A, MultiSearch, Q, Search

from ...query import FACETS
from ...understanding import understand
from ..base import (
    DENSE_CANDIDATES,
    FACET_FIELDS,
    MIN_SIMILARITY,
    PAGES_PER_RESULT,
    RESULT_FIELDS,
    RRF_RANK_CONSTANT,
    RRF_WINDOW,
    SNIPPET_CHARS,
)
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
# How many topic words a record (or one page) must hold, counted after stop words: all of one or
# two, all but one of three or four («cómo obtienen energía las plantas» finds the page that says
# «las plantas producen energía»), 60% of five or more (a long question shares its idea with the
# answer, not every word). The steps never ask fewer words of a longer query (3 of 5, 4 of 7).
# Matches holding more of the words still rank first: each matching word adds to the score.
MINIMUM_SHOULD_MATCH = "2<-1 4<60%"
# Fusion reaches this deep at most; past it a page comes from the ranking by words alone.
MAX_RRF_WINDOW = 1000
# The pages a nested kNN names, besides those the words found (inner hits need distinct names).
PAGES_BY_MEANING = "pages_by_meaning"


def _filter(filters):
    return [Q("terms", **{FACET_FIELDS[facet]: list(values)}) for facet, values in filters.items()]


def _page_inner_hits(**options):
    """The best pages of a book: their numbers and one fragment of each, never their whole text."""
    return {
        "size": PAGES_PER_RESULT,
        "_source": False,
        "docvalue_fields": ["pages.page"],
        # The html encoder escapes the page text; only our <mark> tags stay markup.
        "highlight": {
            "fields": {"pages.text": {"fragment_size": SNIPPET_CHARS, "number_of_fragments": 1, **options}},
            **HIGHLIGHT,
        },
    }


def pages_query(words):
    """The best page holding most typed words scores the book; inner hits name the best pages.

    Length normalisation is per page: each page is its own nested document with its own BM25
    field length, and score_mode "max" takes the book's best page, so a 300-page book gains
    nothing from a common word scattered over many pages.
    """
    page = Q(
        "bool",
        must=[
            Q(
                "match",
                pages__text={
                    "query": words,
                    "minimum_should_match": MINIMUM_SHOULD_MATCH,
                    # Typos are forgiven in page text as in the metadata: «fotosintesys».
                    "fuzziness": "AUTO",
                    "prefix_length": 1,
                    "boost": PAGE_WEIGHT,
                },
            )
        ],
        should=[
            Q(
                "constant_score",
                filter=Q("match_phrase", pages__text={"query": words, "slop": NEARBY_SLOP}),
                boost=NEARBY_BONUS,
            )
        ],
    )
    return Q("nested", path="pages", score_mode="max", query=page, inner_hits=_page_inner_hits())


def text_query(text):
    """Most words must match in the metadata or on one page (with typos and synonyms); hints only boost."""
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
            minimum_should_match=MINIMUM_SHOULD_MATCH,
            fuzziness="AUTO",
            prefix_length=1,
        )
        either = Q("bool", should=[metadata, pages_query(words)], minimum_should_match=1)
        return Q("bool", must=[either], should=hints)
    optional = [" ".join(c.phrases[0]) for c in meaning.concepts]
    should = hints + ([Q("multi_match", query=" ".join(optional), fields=TEXT_FIELDS)] if optional else [])
    return Q("bool", should=should, minimum_should_match=1)


def _lexical(query, index, matching=None):
    """The request by words: text, post_filter for facets, one filtered aggregation per facet.

    `matching` replaces the text query (and drops highlights) when another request ranks the hits.
    """
    search = Search(index=index)
    if query.text:
        search = search.query(matching or text_query(query.text))
        if matching is None:
            search = _highlighted(search)
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
    return search.extra(track_total_hits=True)


def _highlighted(search):
    search = search.highlight(*SNIPPET_FIELDS, fragment_size=SNIPPET_CHARS, number_of_fragments=1)
    # The html encoder escapes the document text; only our <mark> tags stay markup.
    return search.highlight_options(**HIGHLIGHT)


def rrf_window(query):
    """How deep each ranking is fused for this page of results; None when fusion does not apply.

    Fusion ranks by relevance to typed words: sorting by title or year, and browsing without
    words, keep their plain order. RRF_WINDOW (100) is five pages of 20: few people read further,
    and a record outside the best 100 of every ranking would not reach the first pages after
    fusion anyway, while each ranking's cost grows with its window. A window always covers the
    page asked for, since Elasticsearch returns nothing past it; pages beyond MAX_RRF_WINDOW
    come from the words alone.
    """
    if not query.text or query.effective_sort != "relevance":
        return None
    window = max(RRF_WINDOW, query.offset + query.page_size)
    return window if window <= MAX_RRF_WINDOW else None


def _knn_options(vector, window):
    """The k nearest above MIN_SIMILARITY, k as deep as the fusion window (the embedded engine's too)."""
    k = max(DENSE_CANDIDATES, window)
    return {
        # Six decimals keep each component to 1e-6 (cosine unchanged to 1e-5) and halve the body.
        "query_vector": [round(float(x), 6) for x in vector],
        "k": k,
        # One shard (documents.ResourceDocument.Index), so these candidates are the whole index's;
        # twice k keeps the approximate (HNSW) search's recall high at little cost.
        "num_candidates": min(10_000, 2 * k),
        "similarity": MIN_SIMILARITY,
    }


def build_search(query, vector=None, index=ALIAS):
    """The request for one page of results: by words alone, or hybrid when a query vector is given.

    Returns a `Search` (words alone) or a `MultiSearch` of two searches, answered in one round
    trip: the fused ranking (`fused_search`) and, for count, facets and the spelling suggestion,
    `matches_search`. A None vector (semantic search off, no model, nothing typed) or a query
    that fusion does not apply to (`rrf_window`) gets exactly the request by words.
    """
    window = rrf_window(query) if vector is not None else None
    if window is None:
        return _lexical(query, index)[query.offset : query.offset + query.page_size]
    return (
        MultiSearch(index=index)
        .add(fused_search(query, vector, window, index))
        .add(matches_search(query, vector, window, index))
    )


def fused_search(query, vector, window, index=ALIAS):
    """The page of results: words, record vectors and page vectors fused by reciprocal rank.

    Elasticsearch refuses suggest and sort beside rank, and a post_filter would only prune the
    fused window afterwards (a narrow filter could leave the page empty while matches exist);
    so every active filter sits inside each ranking (the query's bool filter and each kNN's
    filter, a pre-filter: the k nearest *among* the filtered records), and this request carries
    no aggregations. Count and facets come from `matches_search`.
    """
    filters = _filter(query.filters)
    search = Search(index=index).query(Q("bool", must=[text_query(query.text)], filter=filters))
    search = _highlighted(search)
    knn = _knn_options(vector, window)
    search = search.knn(field="vector", filter=Q("bool", filter=filters), **knn)
    # A page found by meaning alone still names its book's best pages: the nested kNN scores a
    # book by its closest page, and its inner hits (the page's start when no word is marked)
    # join those of the words in backend._page_hits.
    search = search.knn(
        field="pages.vector",
        filter=Q("bool", filter=filters),
        inner_hits={"name": PAGES_BY_MEANING, **_page_inner_hits(no_match_size=SNIPPET_CHARS)},
        **knn,
    )
    search = search.rank(rrf={"rank_constant": RRF_RANK_CONSTANT, "rank_window_size": window})
    search = search.source(list(RESULT_FIELDS) + ["description"])
    return search[query.offset : query.offset + query.page_size]


def matches_search(query, vector, window, index=ALIAS):
    """Count, facets and suggestion of a hybrid search: the request by words, widened by meaning.

    A record matches when its words match or when it is among the k nearest by meaning above
    MIN_SIMILARITY (the kNN query, here a clause of the query so that post_filter and each
    facet's filtered aggregation keep "every other filter applied" exactly as by words). This
    is the set the fused ranking draws from, with one difference: here the k nearest are taken
    before the filters, there among the filtered records, so with a narrow filter and more than
    k records above MIN_SIMILARITY the count can miss a few records the ranking shows.
    """
    knn = _knn_options(vector, window)
    meaning = [
        Q("knn", field="vector", **knn),
        Q("nested", path="pages", score_mode="max", query=Q("knn", field="pages.vector", **knn)),
    ]
    matching = Q("bool", should=[text_query(query.text), *meaning], minimum_should_match=1)
    return _lexical(query, index, matching).extra(size=0)  # count and aggregations only


def build_suggest(prefix, limit=10, index=ALIAS):
    completion = {"field": "title.suggest", "size": limit, "skip_duplicates": True}
    return Search(index=index).suggest("titles", prefix, completion=completion).source(["title"])
