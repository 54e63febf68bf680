"""The /buscar/ page: the same parameters as the API, plain links, no JavaScript needed."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(embedded_search, import_records, record_factory):
    import_records(
        [record_factory(title=f"Fracciones {n}", grades=[5], subjects=["matematicas"]) for n in range(25)]
        + [record_factory(type="video", title="Fracciones en video", duration_seconds=60, grades=[4])]
    )


def test_search_page_shows_results_facets_and_pagination(library, client):
    response = client.get("/buscar/", {"q": "fracciones"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "26 resultados" in html
    assert html.count('class="result"') == 20
    assert "<mark>" in html or "Fracciones" in html
    assert 'Libro de texto</a> <span class="count">(25)</span>' in html
    assert 'href="?q=fracciones&amp;page=2"' in html
    assert "Página 1 de 2" in html


def test_facet_link_filters_and_shows_a_way_back(library, client):
    html = client.get("/buscar/", {"q": "fracciones", "type": "video"}).content.decode()
    assert "1 resultado" in html
    assert "Fracciones en video" in html
    assert 'aria-current="true"' in html
    assert 'href="?q=fracciones"' in html  # removing the filter


def test_search_page_explains_bad_parameters_in_spanish(library, client):
    response = client.get("/buscar/", {"q": "fracciones", "grade": "once"})
    assert response.status_code == 400
    assert "no es un grado" in response.content.decode()


def test_search_page_escapes_what_was_typed(library, client):
    html = client.get("/buscar/", {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html
