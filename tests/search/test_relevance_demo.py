"""Relevance on the demo catalogue: what teachers type puts the right resource on top."""

from pathlib import Path

import pytest

import oer

DEMO = Path(oer.__file__).resolve().parent / "demo" / "catalog.jsonl"

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(embedded_search, run_command):
    result = run_command("import_catalog", str(DEMO))
    assert result.code == 0, result.stderr


def _top(search_api, q, n=3):
    return search_api(q=q, page_size=n).json()["results"]


def test_fracciones_quinto_puts_fifth_grade_fraction_resources_first(demo, search_api):
    top = _top(search_api, "fracciones quinto", 2)
    assert all(5 in hit["grades"] and "raccion" in hit["title"] for hit in top)


def test_matematicas_5_finds_fifth_grade_mathematics(demo, search_api):
    for hit in _top(search_api, "matematicas 5", 3):
        assert "matematicas" in hit["subjects"] and 5 in hit["grades"], hit["title"]


def test_guia_docente_fase_4_finds_the_fase_4_teacher_book(demo, search_api):
    top = _top(search_api, "guia docente fase 4", 1)[0]
    assert top["type"] == "teacher_guide" and top["title"].endswith("Fase 4")


def test_ecosistemas_video_finds_ecosystem_videos(demo, search_api):
    top = _top(search_api, "ecosistemas video", 2)
    assert [hit["type"] for hit in top] == ["video", "video"]
    assert all("ecosistema" in hit["title"].lower() for hit in top)


def test_misspelt_fracsiones_still_finds_fractions_and_suggests(demo, search_api):
    body = search_api(q="fracsiones").json()
    assert body["suggestion"] == "fracciones"
    assert body["count"] >= 4
    assert all("raccion" in hit["title"] for hit in body["results"][:4])


@pytest.mark.parametrize("q", ["sano", "darles", "cantan", "dímelo", "fracciones equivalentes"])
def test_correct_spanish_words_get_no_spelling_suggestion(demo, search_api, q):
    assert search_api(q=q).json()["suggestion"] is None


def test_misspelt_ecosistemmas_suggests_ecosistemas(demo, search_api):
    assert search_api(q="ecosistemmas").json()["suggestion"] == "ecosistemas"


def test_only_the_misspelt_word_is_corrected_next_to_a_rare_correct_one(demo, search_api):
    assert search_api(q="Darles fracsiones").json()["suggestion"] == "darles fracciones"


def test_libro_del_maestro_means_teacher_guides(demo, search_api):
    assert {hit["type"] for hit in _top(search_api, "libro del maestro", 3)} == {"teacher_guide"}


def test_sign_language_resources_are_found_by_lsm(demo, search_api):
    top = _top(search_api, "lsm", 2)
    assert all("Señas" in hit["title"] for hit in top)
