"""The Elasticsearch backend checked as data: index settings, mappings and query bodies."""

import pytest

from search.backends.elasticsearch.documents import ALIAS, ResourceDocument
from search.backends.elasticsearch.queries import build_search, build_suggest
from search.backends.elasticsearch.spelling import phrase_suggestion
from search.query import SearchQuery


@pytest.fixture
def index_body():
    return ResourceDocument._index.to_dict()


def test_spanish_analyser_folds_stops_and_stems(index_body):
    analysis = index_body["settings"]["analysis"]
    analyser = analysis["analyzer"]["acervo_spanish"]
    assert analyser["tokenizer"] == "standard"
    assert analyser["filter"] == ["lowercase", "acervo_spanish_stop", "acervo_folding", "acervo_spanish_stemmer"]
    assert analysis["filter"]["acervo_folding"] == {"type": "asciifolding", "preserve_original": True}
    assert analysis["filter"]["acervo_spanish_stemmer"] == {"type": "stemmer", "language": "light_spanish"}
    assert analysis["filter"]["acervo_spanish_stop"]["stopwords"] == "_spanish_"


def test_synonyms_come_from_the_data_file_and_run_before_the_stemmer(index_body):
    analysis = index_body["settings"]["analysis"]
    search_filters = analysis["analyzer"]["acervo_spanish_search"]["filter"]
    assert search_filters.index("acervo_curriculum_synonyms") < search_filters.index("acervo_spanish_stemmer")
    rules = analysis["filter"]["acervo_curriculum_synonyms"]["synonyms"]
    assert "mate, mates, matematicas" in rules
    assert any(rule.startswith("quinto, 5o, 5°") for rule in rules)
    assert not any(rule.startswith("#") for rule in rules)


def test_mapping_has_keyword_facets_sort_and_completion_fields(index_body):
    properties = index_body["mappings"]["properties"]
    for facet in ("type", "levels", "fields", "subjects", "language", "license", "accessibility"):
        assert properties[facet] == {"type": "keyword"}
    assert properties["grades"] == {"type": "integer"}
    title = properties["title"]
    assert title["analyzer"] == "acervo_spanish" and title["search_analyzer"] == "acervo_spanish_search"
    assert title["fields"]["sort"]["type"] == "keyword"
    assert title["fields"]["suggest"]["type"] == "completion"
    assert properties["transcript"]["analyzer"] == "acervo_spanish"
    assert properties["body"]["analyzer"] == "acervo_spanish"  # a course's lessons


def _either(body):
    """The required part of a text query: the metadata or one page must hold every word."""
    return body["query"]["bool"]["must"][0]["bool"]["should"]


def test_text_query_boosts_title_over_keywords_over_description_over_transcript():
    body = build_search(SearchQuery(text="fracciones")).to_dict()
    match = _either(body)[0]["multi_match"]
    boosts = {field.split("^")[0]: float(field.split("^")[1]) if "^" in field else 1.0 for field in match["fields"]}
    assert boosts["title"] > boosts["keywords"] > boosts["description"] > boosts["transcript"]
    assert match["fuzziness"] == "AUTO" and match["operator"] == "and"
    assert body["highlight"]["pre_tags"] == ["<mark>"] and body["highlight"]["encoder"] == "html"
    assert body["suggest"]["spelling"]["text"] == "fracciones"


def test_grade_words_become_boosts_not_required_words():
    body = build_search(SearchQuery(text="fracciones quinto")).to_dict()
    assert _either(body)[0]["multi_match"]["query"] == "fracciones"
    assert {"constant_score": {"filter": {"term": {"grades": 5}}, "boost": 4.0}} in body["query"]["bool"]["should"]


def test_filters_use_post_filter_and_each_facet_counts_with_the_other_filters():
    query = SearchQuery(text="agua", filters={"type": ("video",), "grade": (4, 5)})
    body = build_search(query).to_dict()
    assert body["post_filter"] == {"bool": {"filter": [{"terms": {"type": ["video"]}}, {"terms": {"grades": [4, 5]}}]}}
    aggs = body["aggs"]
    assert aggs["type"]["filter"] == {"bool": {"filter": [{"terms": {"grades": [4, 5]}}]}}
    assert aggs["grade"]["filter"] == {"bool": {"filter": [{"terms": {"type": ["video"]}}]}}
    assert aggs["subject"]["filter"]["bool"]["filter"] == [
        {"terms": {"type": ["video"]}},
        {"terms": {"grades": [4, 5]}},
    ]
    assert aggs["level"]["aggs"]["values"] == {"terms": {"field": "levels", "size": 200}}
    assert set(aggs) == {"type", "level", "grade", "field", "subject", "language", "accessibility", "license"}


def test_browsing_sorts_by_title_and_pages_by_offset():
    body = build_search(SearchQuery(page=3, page_size=10)).to_dict()
    assert body["sort"] == ["title.sort"]
    assert (body["from"], body["size"]) == (20, 10)
    assert "query" not in body or body["query"] == {"match_all": {}}
    newest = build_search(SearchQuery(text="agua", sort="newest")).to_dict()
    assert newest["sort"][0] == {"year": {"order": "desc"}}


def test_suggest_uses_the_completion_field():
    body = build_suggest("frac").to_dict()
    assert body["suggest"]["titles"] == {
        "prefix": "frac",
        "completion": {"field": "title.suggest", "size": 10, "skip_duplicates": True},
    }


def test_spelling_asks_for_whole_title_words_missing_from_the_index():
    phrase = build_search(SearchQuery(text="fracsiones")).to_dict()["suggest"]["spelling"]["phrase"]
    assert phrase["field"] == "title.exact"
    assert phrase["direct_generator"] == [{"field": "title.exact", "suggest_mode": "missing", "min_word_length": 4}]


def _suggester_answer(text):
    """The `suggest` part of Elasticsearch's answer with one phrase option."""
    return {"spelling": [{"text": "", "offset": 0, "length": 0, "options": [{"text": text, "score": 0.4}]}]}


def test_phrase_suggestion_keeps_only_the_correction_of_a_word_that_is_not_spanish():
    # The suggester also rewrote the correct "darles" (absent from the titles): only the typo changes.
    assert phrase_suggestion("Darles fracsiones", _suggester_answer("artes fracciones")) == "darles fracciones"


@pytest.mark.parametrize(
    ("typed", "offered"),
    [("sano", "restar"), ("cantan", "cantar"), ("matematicas", "matemáticas"), ("agua 5°", "agua"), ("fracsiones", "")],
)
def test_phrase_suggestion_is_none_when_no_misspelt_word_remains(typed, offered):
    assert phrase_suggestion(typed, _suggester_answer(offered)) is None


def test_phrase_suggestion_is_none_without_options():
    assert phrase_suggestion("fracsiones", {"spelling": [{"text": "fracsiones", "options": []}]}) is None
    assert phrase_suggestion("fracsiones", None) is None


def test_searches_go_through_the_alias():
    assert build_search(SearchQuery())._index == [ALIAS]


def test_book_pages_are_nested_documents_with_a_number_and_spanish_text(index_body):
    pages = index_body["mappings"]["properties"]["pages"]
    assert pages["type"] == "nested"
    assert pages["properties"]["page"] == {"type": "integer"}
    text = pages["properties"]["text"]
    assert text["analyzer"] == "acervo_spanish" and text["search_analyzer"] == "acervo_spanish_search"


def test_words_may_match_on_one_page_whose_inner_hits_name_the_best_three():
    body = build_search(SearchQuery(text="clorofila luz quinto")).to_dict()
    metadata, pages = _either(body)
    assert body["query"]["bool"]["must"][0]["bool"]["minimum_should_match"] == 1
    assert metadata["multi_match"]["query"] == "clorofila luz"
    nested = pages["nested"]
    assert nested["path"] == "pages" and nested["score_mode"] == "max"
    page = nested["query"]["bool"]
    assert page["must"] == [{"match": {"pages.text": {"query": "clorofila luz", "operator": "and", "boost": 0.3}}}]
    nearby = page["should"][0]["constant_score"]
    assert nearby["filter"] == {"match_phrase": {"pages.text": {"query": "clorofila luz", "slop": 6}}}
    assert nearby["boost"] > metadata_boost("title", metadata)
    inner = nested["inner_hits"]
    assert inner["size"] == 3 and inner["_source"] is False and inner["docvalue_fields"] == ["pages.page"]
    assert inner["highlight"]["pre_tags"] == ["<mark>"] and inner["highlight"]["encoder"] == "html"
    assert inner["highlight"]["fields"] == {"pages.text": {"fragment_size": 180, "number_of_fragments": 1}}
    # Page text is never sent back whole: results carry their own fields only.
    assert "pages" not in body["_source"] and "pages.text" not in body["_source"]


def metadata_boost(field, metadata):
    return next(float(f.split("^")[1]) for f in metadata["multi_match"]["fields"] if f.startswith(field + "^"))


def test_hints_alone_do_not_ask_for_pages():
    body = build_search(SearchQuery(text="quinto")).to_dict()
    assert "nested" not in str(body["query"])


def test_a_hit_with_inner_hits_becomes_a_result_with_its_best_pages():
    """An answer shaped as Elasticsearch documents it (nested inner hits with docvalue fields)."""
    from elasticsearch_dsl.response import Response

    from search.backends.elasticsearch import ElasticsearchBackend

    source = {
        "external_id": "b:1",
        "title": "Ciencias Naturales",
        "url": "/recursos/ciencias/",
        "type": "textbook",
        "levels": ["primaria"],
        "grades": [5],
        "fields": [],
        "subjects": ["ciencias-naturales"],
        "language": "es",
        "description": "Libro de texto.",
    }
    inner = {
        "hits": {
            "total": {"value": 12, "relation": "eq"},
            "max_score": 2.1,
            "hits": [
                {
                    "_index": "acervo-resources-1",
                    "_id": "7",
                    "_nested": {"field": "pages", "offset": 36},
                    "_score": 2.1,
                    "fields": {"pages.page": [37]},
                    "highlight": {"pages.text": ["la <mark>clorofila</mark> atrapa la luz"]},
                },
                {
                    "_index": "acervo-resources-1",
                    "_id": "7",
                    "_nested": {"field": "pages", "offset": 11},
                    "_score": 1.2,
                    "fields": {"pages.page": [12]},
                    "highlight": {"pages.text": ["<mark>clorofila</mark> &amp; hojas"]},
                },
            ],
        }
    }
    raw = {
        "took": 1,
        "timed_out": False,
        "hits": {
            "total": {"value": 1, "relation": "eq"},
            "max_score": 3.0,
            "hits": [
                {
                    "_index": "acervo-resources-1",
                    "_id": "7",
                    "_score": 3.0,
                    "_source": source,
                    "inner_hits": {"pages": inner},
                },
                {
                    "_index": "acervo-resources-1",
                    "_id": "8",
                    "_score": 1.0,
                    "_source": dict(source, external_id="b:2"),
                    "inner_hits": {
                        "pages": {"hits": {"total": {"value": 0, "relation": "eq"}, "max_score": None, "hits": []}}
                    },
                },
            ],
        },
    }
    search = build_search(SearchQuery(text="clorofila"))
    first, second = [ElasticsearchBackend("http://127.0.0.1:9")._hit(hit) for hit in Response(search, raw).hits]
    assert first["pages"] == [
        {"page": 37, "snippet": "la <mark>clorofila</mark> atrapa la luz"},
        {"page": 12, "snippet": "<mark>clorofila</mark> &amp; hojas"},
    ]
    assert first["page_hits"] == 12 and first["snippet"] == "Libro de texto."
    assert "pages" not in second and "page_hits" not in second
