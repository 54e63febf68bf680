"""Questions written the way teachers talk: question words dropped, most words enough, meaning fused with words.

The demo catalogue is imported as editors do; its vectors are computed by the background job
(the immediate task backend in tests), then questions go through the public search API.
"""

import pytest

from tests.search.test_relevance_demo import DEMO

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(embedded_search, run_command):
    result = run_command("import_catalog", str(DEMO))
    assert result.code == 0, result.stderr


def _ids(search_api, q, n=3, **filters):
    return [hit["external_id"] for hit in search_api(q=q, page_size=n, **filters).json()["results"]]


def test_a_long_question_is_ranked_not_reduced_to_the_one_result_holding_every_word(demo, search_api):
    body = search_api(q="video para explicar el ciclo del agua a niños de cuarto").json()
    assert body["results"][0]["external_id"] == "aprendeencasa:video:p4-ciclo-del-agua"
    assert body["count"] >= 2
    assert "acervo:ficha:registro-ciclo-del-agua" in [hit["external_id"] for hit in body["results"][:3]]


def test_question_words_do_not_have_to_appear(demo, search_api):
    assert set(_ids(search_api, "¿quién inició la lucha por la independencia?", 3)) == {
        "aprendeencasa:video:p5-independencia-de-mexico",
        "acervo:ficha:linea-del-tiempo-independencia",
        "aprendeencasa:audio:p6-radionovela-independencia",
    }


HEALTHY_FOOD = {"acervo:ficha:mi-plato-del-bien-comer", "aprendeencasa:video:p3-alimentacion-saludable"}


def test_a_question_whose_words_the_answer_lacks_finds_it_by_meaning(demo, search_api):
    # No resource says «sano»; the healthy-eating ones come first by meaning.
    assert HEALTHY_FOOD <= set(_ids(search_api, "qué comer para estar sano", 3))


def test_meaning_respects_the_filters_and_the_facets_count_it(demo, search_api):
    q = "qué comer para estar sano"
    body = search_api(q=q, type="activity", page_size=50).json()
    assert body["results"] and all(hit["type"] == "activity" for hit in body["results"])
    assert "aprendeencasa:video:p3-alimentacion-saludable" not in [hit["external_id"] for hit in body["results"]]
    type_counts = {item["value"]: item["count"] for item in body["facets"]["type"]}
    assert type_counts["activity"] == body["count"] and type_counts.get("video", 0) >= 1


def test_nonsense_still_finds_nothing(demo, search_api):
    body = search_api(q="xilofonzzz qwrtp").json()
    assert body["count"] == 0 and body["results"] == []


def test_search_works_by_words_while_vectors_are_pending(embedded_search, run_command, settings, search_api):
    settings.ACERVO_SEMANTIC_SEARCH = False  # the import computes no vectors: all are pending
    assert run_command("import_catalog", str(DEMO)).code == 0
    settings.ACERVO_SEMANTIC_SEARCH = True
    body = search_api(q="video para explicar el ciclo del agua a niños de cuarto").json()
    assert body["results"][0]["external_id"] == "aprendeencasa:video:p4-ciclo-del-agua"
    assert search_api(q="qué comer para estar sano").status_code == 200
