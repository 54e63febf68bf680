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
    assert match["fuzziness"] == "AUTO" and match["prefix_length"] == 1
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
    assert page["must"] == [
        {
            "match": {
                "pages.text": {
                    "query": "clorofila luz",
                    "minimum_should_match": "2<-1 4<60%",
                    "fuzziness": "AUTO",
                    "prefix_length": 1,
                    "boost": 0.3,
                }
            }
        }
    ]
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


def _inner_hits(total, pages):
    """A nested inner hits section as Elasticsearch answers it: (page number, highlight) each."""
    return {
        "hits": {
            "total": {"value": total, "relation": "eq"},
            "max_score": 1.0 if pages else None,
            "hits": [
                {
                    "_index": "acervo-resources-1",
                    "_id": "7",
                    "_nested": {"field": "pages", "offset": number - 1},
                    "_score": 1.0,
                    "fields": {"pages.page": [number]},
                    "highlight": {"pages.text": [snippet]},
                }
                for number, snippet in pages
            ],
        }
    }


def _results_of(text, answers):
    """The results the backend makes of hits [(source, inner_hits)], as Elasticsearch answers them."""
    from elasticsearch_dsl.response import Response

    from search.backends.elasticsearch import ElasticsearchBackend

    raw = {
        "took": 1,
        "timed_out": False,
        "hits": {
            "total": {"value": len(answers), "relation": "eq"},
            "max_score": 1.0,
            "hits": [
                {"_index": "acervo-resources-1", "_id": str(n), "_score": 1.0, "_source": source, "inner_hits": inner}
                for n, (source, inner) in enumerate(answers)
            ],
        },
    }
    backend = ElasticsearchBackend("http://127.0.0.1:9")
    return [backend._hit(hit) for hit in Response(build_search(SearchQuery(text=text)), raw).hits]


BOOK = {
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


def test_a_hit_with_inner_hits_becomes_a_result_with_its_best_pages():
    """An answer shaped as Elasticsearch documents it (nested inner hits with docvalue fields)."""
    best_pages = [(37, "la <mark>clorofila</mark> atrapa la luz"), (12, "<mark>clorofila</mark> &amp; hojas")]
    first, second = _results_of(
        "clorofila",
        [
            (BOOK, {"pages": _inner_hits(12, best_pages)}),
            (dict(BOOK, external_id="b:2"), {"pages": _inner_hits(0, [])}),
        ],
    )
    assert first["pages"] == [
        {"page": 37, "snippet": "la <mark>clorofila</mark> atrapa la luz"},
        {"page": 12, "snippet": "<mark>clorofila</mark> &amp; hojas"},
    ]
    assert first["page_hits"] == 12 and first["snippet"] == "Libro de texto."
    assert "pages" not in second and "page_hits" not in second


# -- hybrid retrieval: vectors, kNN and reciprocal rank fusion ------------------------------


def _question_vector(text):
    from search.embeddings import encode_query

    vector = encode_query(text)
    assert vector is not None and vector.shape == (512,)
    return vector


def test_mapping_holds_512_dimension_vectors_for_the_record_and_each_page(index_body):
    mapping = index_body["mappings"]
    expected = {
        "type": "dense_vector",
        "dims": 512,
        "index": True,
        "similarity": "cosine",
        "index_options": {"type": "int8_hnsw"},
    }
    assert mapping["properties"]["vector"] == expected
    assert mapping["properties"]["pages"]["properties"]["vector"] == expected
    # Nothing reads vectors back: they are indexed, not stored in _source.
    assert mapping["_source"] == {"excludes": ["vector", "pages.vector"]}


def test_a_record_whose_vectors_are_pending_is_indexed_without_them():
    from search.backends.elasticsearch.documents import index_source
    from search.embeddings import encode_passages

    computed = encode_passages(["Las plantas producen su alimento con la luz del sol."])[0]
    record = {
        "pk": 7,
        "title": "Ciencias Naturales",
        "vector": None,
        "pages": [
            {"page": 1, "text": "Portada", "vector": None},
            {"page": 2, "text": "La fotosíntesis", "vector": computed},
        ],
    }
    source = index_source(record)
    assert "vector" not in source and "vector" not in source["pages"][0]
    assert source["pages"][0] == {"page": 1, "text": "Portada"}
    assert isinstance(source["pages"][1]["vector"], list) and len(source["pages"][1]["vector"]) == 512
    assert record["vector"] is None and record["pages"][0]["vector"] is None  # the record is left as it was
    assert "vector" not in index_source({"pk": 9, "title": "Vacío", "vector": [0.0] * 512})
    assert "vector" not in index_source({"pk": 10, "title": "Otro modelo", "vector": [0.1] * 384})
    assert index_source({"pk": 8, "title": "Sin libro", "vector": None, "pages": []}) == {
        "pk": 8,
        "title": "Sin libro",
        "pages": [],
    }


def test_a_question_with_a_vector_fuses_words_record_vectors_and_page_vectors():
    from search.backends.base import MIN_SIMILARITY
    from search.backends.elasticsearch.queries import PAGES_BY_MEANING

    query = SearchQuery(text="cómo obtienen energía las plantas", filters={"type": ("video",), "grade": (4,)})
    fused, matches = build_search(query, _question_vector(query.text)).to_dict()[1::2]
    filters = [{"terms": {"type": ["video"]}}, {"terms": {"grades": [4]}}]
    # The words rank with every filter inside the query: RRF leaves no room for post_filter.
    assert fused["query"]["bool"]["filter"] == filters
    assert "multi_match" in str(fused["query"]["bool"]["must"])
    record_knn, page_knn = fused["knn"]
    for knn in (record_knn, page_knn):
        assert knn["filter"] == {"bool": {"filter": filters}}  # the k nearest among filtered records
        assert knn["similarity"] == MIN_SIMILARITY
        assert knn["k"] == 100 and knn["num_candidates"] >= knn["k"] and len(knn["query_vector"]) == 512
    assert record_knn["field"] == "vector" and "inner_hits" not in record_knn
    assert page_knn["field"] == "pages.vector"
    inner = page_knn["inner_hits"]
    assert inner["name"] == PAGES_BY_MEANING and inner["size"] == 3 and inner["docvalue_fields"] == ["pages.page"]
    # A page found by meaning has no word to mark: its start is its snippet.
    assert inner["highlight"]["fields"]["pages.text"]["no_match_size"] == 180
    assert fused["rank"] == {"rrf": {"rank_constant": 60, "rank_window_size": 100}}
    for refused_beside_rank in ("post_filter", "aggs", "suggest", "sort"):
        assert refused_beside_rank not in fused
    assert (fused["from"], fused["size"]) == (0, 20)
    assert fused["highlight"]["encoder"] == "html"


def test_count_and_facets_of_a_hybrid_search_count_word_and_meaning_matches_with_the_other_filters():
    from search.backends.base import MIN_SIMILARITY

    query = SearchQuery(text="ciclo del agua", filters={"type": ("video",), "grade": (4, 5)})
    matches = build_search(query, _question_vector(query.text)).to_dict()[3]
    assert matches["size"] == 0 and matches["track_total_hits"] is True
    either = matches["query"]["bool"]
    assert either["minimum_should_match"] == 1
    words, by_record, by_page = either["should"]
    assert "multi_match" in str(words)
    assert by_record["knn"]["field"] == "vector" and by_record["knn"]["similarity"] == MIN_SIMILARITY
    assert by_page["nested"]["path"] == "pages" and by_page["nested"]["query"]["knn"]["field"] == "pages.vector"
    assert matches["post_filter"] == {
        "bool": {"filter": [{"terms": {"type": ["video"]}}, {"terms": {"grades": [4, 5]}}]}
    }
    assert matches["aggs"]["type"]["filter"] == {"bool": {"filter": [{"terms": {"grades": [4, 5]}}]}}
    assert matches["aggs"]["grade"]["filter"] == {"bool": {"filter": [{"terms": {"type": ["video"]}}]}}
    assert matches["suggest"]["spelling"]["text"] == "ciclo del agua"
    assert "highlight" not in matches


def test_without_a_query_vector_the_request_is_exactly_the_one_by_words():
    from search.embeddings import encode_query

    query = SearchQuery(text="fracciones equivalentes", filters={"grade": (5,)})
    body = build_search(query).to_dict()
    assert build_search(query, None).to_dict() == body
    assert "knn" not in body and "rank" not in body
    assert body["post_filter"] == {"bool": {"filter": [{"terms": {"grades": [5]}}]}}
    assert encode_query("") is None  # browsing has no vector either


def test_sorting_by_title_or_year_and_browsing_never_fuse():
    vector = _question_vector("agua")
    for query in (SearchQuery(text="agua", sort="title"), SearchQuery(text="agua", sort="newest"), SearchQuery()):
        body = build_search(query, vector).to_dict()
        assert "knn" not in body and "rank" not in body
    assert build_search(SearchQuery(text="agua", sort="title"), vector).to_dict()["sort"] == ["title.sort"]


def test_the_fusion_window_covers_the_page_asked_for_and_deep_pages_go_by_words():
    vector = _question_vector("el ciclo del agua")
    fused = build_search(SearchQuery(text="el ciclo del agua", page=10, page_size=20), vector).to_dict()[1]
    assert (fused["from"], fused["size"]) == (180, 20)
    assert fused["rank"]["rrf"]["rank_window_size"] == 200 and fused["knn"][0]["k"] == 200
    deep = build_search(SearchQuery(text="el ciclo del agua", page=60, page_size=20), vector).to_dict()
    assert "rank" not in deep and "knn" not in deep and deep["from"] == 1180


def test_long_questions_ask_for_most_words_not_all_of_them():
    body = build_search(SearchQuery(text="video para explicar el ciclo del agua a niños de cuarto")).to_dict()
    metadata, pages = _either(body)
    assert metadata["multi_match"]["minimum_should_match"] == "2<-1 4<60%"
    page_match = pages["nested"]["query"]["bool"]["must"][0]["match"]["pages.text"]
    assert page_match["minimum_should_match"] == "2<-1 4<60%"
    assert '"operator"' not in str(body).replace("'", '"')
    # The type and grade words only boost.
    assert {"constant_score": {"filter": {"term": {"type": "video"}}, "boost": 6.0}} in body["query"]["bool"]["should"]
    assert {"constant_score": {"filter": {"term": {"grades": 4}}, "boost": 4.0}} in body["query"]["bool"]["should"]


def test_a_book_found_by_meaning_alone_shows_its_closest_pages_after_those_its_words_found():
    by_meaning = [(41, "Las hojas fabrican"), (40, "La energía"), (12, "Raíces")]
    words_and_meaning, meaning_only = _results_of(
        "cómo obtienen energía las plantas",
        [
            (
                BOOK,
                {
                    "pages": _inner_hits(1, [(40, "la <mark>energía</mark> del sol")]),
                    "pages_by_meaning": _inner_hits(3, by_meaning),
                },
            ),
            (
                dict(BOOK, external_id="b:2"),
                {
                    "pages": _inner_hits(0, []),
                    "pages_by_meaning": _inner_hits(2, [(88, "Las plantas verdes"), (89, "Clorofila")]),
                },
            ),
        ],
    )
    assert [page["page"] for page in words_and_meaning["pages"]] == [40, 41, 12]
    assert words_and_meaning["pages"][0]["snippet"] == "la <mark>energía</mark> del sol"
    assert words_and_meaning["page_hits"] == 3
    assert meaning_only["pages"] == [
        {"page": 88, "snippet": "Las plantas verdes"},
        {"page": 89, "snippet": "Clorofila"},
    ]
    assert meaning_only["page_hits"] == 2


def test_an_unreachable_cluster_answers_503_for_fused_and_word_only_searches(settings, search_api):
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{port}"  # nothing listens there
    _question_vector("cómo obtienen energía las plantas")  # so the first search is a fused one
    for params in ({"q": "cómo obtienen energía las plantas"}, {"q": "agua", "sort": "title"}, {}):
        response = search_api(**params)
        assert response.status_code == 503, params
        assert "no está disponible" in response.json()["errors"]["servicio"]
