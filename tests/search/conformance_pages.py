"""Backend-agnostic search inside books: every backend's test class mixes this in beside SearchConformance.

Books are imported by `import_catalog`; their page text is then indexed through the backend
itself (records with "pages"), as the drain does once a stored PDF has been read.
"""

from urllib.parse import parse_qs, urlsplit

import pytest

from oer.models import ResourcePage
from search import indexing
from search.backends import get_backend
from search.records import resource_document

SENTENCE = "Las plantas verdes fabrican su alimento: la clorofila atrapa la luz del sol en las hojas."


def filler(number):
    return (
        f"Página {number}. Actividades de repaso con preguntas para comentar en equipo "
        "y un glosario de palabras nuevas al final de la lección."
    )


def index_pages(external_id, pages):
    """Index a resource's record with these pages ({number: text}), straight through the backend."""
    page = ResourcePage.objects.get(external_id=external_id).specific
    record = dict(resource_document(page), pages=[{"page": n, "text": t} for n, t in sorted(pages.items())])
    assert get_backend().index_many([record]) == 1


def assert_found_at_page(hit, external_id, page, q, page_hits):
    """The result is that book, its best page is `page`, highlighted, linking to the reader there."""
    assert hit["external_id"] == external_id
    assert hit["pages"][0]["page"] == page and hit["page_hits"] == page_hits
    assert "<mark>" in hit["pages"][0]["snippet"]
    link = urlsplit(hit["pages"][0]["url"])
    assert link.path == hit["url"] + "leer/"
    assert parse_qs(link.query) == {"pagina": [str(page)], "q": [q]}


def _hits(response, external_id):
    return [hit for hit in response.json()["results"] if hit["external_id"] == external_id]


class BookPagesConformance:
    @pytest.fixture
    def books(self, search_backend, import_records, record_factory):
        import_records(
            [
                record_factory(
                    external_id="b:ciencias5",
                    title="Ciencias Naturales. Quinto grado",
                    grades=[5],
                    subjects=["ciencias-naturales"],
                    fields=["saberes-y-pensamiento-cientifico"],
                    description="Libro de texto para el alumno.",
                    keywords=[],
                ),
                record_factory(
                    external_id="b:sombras",
                    type="activity",
                    title="Juegos de sombras",
                    grades=[5],
                    subjects=["ciencias-naturales"],
                    fields=["saberes-y-pensamiento-cientifico"],
                    description="Salimos al patio a medir sombras. La luz cambia durante el día y el sol "
                    "se mueve; al final, dibujamos hojas y hablamos de la clorofila.",
                    keywords=[],
                ),
                record_factory(
                    external_id="b:historia",
                    title="Historia. Cuarto grado",
                    grades=[4],
                    subjects=["historia"],
                    fields=["etica-naturaleza-y-sociedades"],
                    description="Libro de texto de historia.",
                    keywords=[],
                ),
            ]
        )
        pages = {n: filler(n) for n in range(1, 61)}
        pages[37] = SENTENCE
        for n in (12, 20, 44, 51):
            pages[n] = f"Página {n}. Repaso: la fotosíntesis ocurre en las hojas de las plantas verdes."
        pages[37] += " La fotosíntesis produce oxígeno."
        pages[58] = "Página 58. Tabla <b>especial</b> & notas: fotosíntesis."
        index_pages("b:ciencias5", pages)
        index_pages("b:historia", {n: filler(n) for n in range(1, 31)})

    def test_a_sentence_only_one_page_holds_finds_the_book_at_that_page(self, books, search_api):
        q = "la clorofila atrapa la luz del sol"
        assert_found_at_page(search_api(q=q).json()["results"][0], "b:ciencias5", 37, q, page_hits=1)

    def test_a_book_is_one_result_however_many_pages_match(self, books, search_api):
        body = search_api(q="fotosíntesis").json()
        assert len(_hits(search_api(q="fotosíntesis", page_size=100), "b:ciencias5")) == 1
        assert body["count"] == 1
        facets = {item["value"]: item["count"] for item in body["facets"]["type"]}
        assert facets == {"textbook": 1}

    def test_page_hits_count_every_matching_page_and_show_the_best_three(self, books, search_api):
        hit = search_api(q="fotosíntesis").json()["results"][0]
        assert hit["page_hits"] == 6
        assert len(hit["pages"]) == 3
        assert {page["page"] for page in hit["pages"]} <= {12, 20, 37, 44, 51, 58}
        assert all("<mark>" in page["snippet"] for page in hit["pages"])

    def test_page_snippets_escape_the_page_text(self, books, search_api):
        hit = search_api(q="tabla especial fotosíntesis").json()["results"][0]
        assert hit["pages"][0]["page"] == 58
        snippet = hit["pages"][0]["snippet"]
        assert "&lt;b&gt;" in snippet and "&amp;" in snippet and "<b>" not in snippet

    def test_filters_apply_to_books_found_by_their_pages(self, books, search_api):
        sentence = "clorofila atrapa la luz"
        assert _hits(search_api(q=sentence, type="textbook", grade="5"), "b:ciencias5")
        assert search_api(q=sentence, type="video").json()["count"] == 0
        assert search_api(q=sentence, grade="3").json()["count"] == 0

    def test_a_book_whose_page_answers_ranks_above_a_weak_metadata_match(self, books, search_api):
        # The activity holds every word too, scattered over its description.
        results = search_api(q="clorofila luz sol").json()["results"]
        assert [hit["external_id"] for hit in results] == ["b:ciencias5", "b:sombras"]
        assert "pages" not in results[1] and "page_hits" not in results[1]

    def test_browsing_and_counts_see_each_book_once(self, books, search_api):
        body = search_api().json()
        assert body["count"] == 3
        assert all("pages" not in hit for hit in body["results"])
        assert {item["value"]: item["count"] for item in body["facets"]["grade"]} == {4: 1, 5: 2}

    def test_page_text_feeds_no_title_completion_and_no_spelling_correction(self, books, client, search_api):
        assert client.get("/api/v1/search/suggest/", {"q": "glosario"}).json()["suggestions"] == []
        body = search_api(q="glosario").json()
        assert body["suggestion"] is None
        assert {hit["external_id"] for hit in body["results"]} == {"b:ciencias5", "b:historia"}

    def test_reindexing_replaces_the_pages_and_removing_the_book_removes_them(self, books, search_api):
        index_pages("b:ciencias5", {1: "Página nueva sobre los volcanes de México."})
        assert not _hits(search_api(q="clorofila atrapa"), "b:ciencias5")
        assert search_api(q="volcanes").json()["results"][0]["pages"][0]["page"] == 1

        ResourcePage.objects.get(external_id="b:ciencias5").specific.unpublish()
        indexing.drain()
        assert search_api(q="volcanes").json()["count"] == 0
        assert get_backend().count() == 2
