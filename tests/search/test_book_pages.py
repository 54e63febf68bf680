"""Search inside books end to end: a generated PDF imported with --files, read by ingest_files, found by its page."""

import pytest

from search.embeddings import semantic_search_enabled
from tests.pdf_factory import make_pdf

from .conformance_pages import assert_found_at_page

pytestmark = pytest.mark.django_db

SENTENCE = "La clorofila atrapa la luz del sol y la planta fabrica su propio alimento."


@pytest.fixture
def book(embedded_search, tmp_path, record_factory, write_catalog, run_command):
    pages = [f"Página {n}. Preguntas de repaso sobre los seres vivos y su entorno." for n in range(1, 41)]
    pages[36] = f"Página 37. {SENTENCE}"
    for n in (5, 9, 14, 22, 30):
        pages[n - 1] = f"Página {n}. La fotosíntesis ocurre en las hojas verdes."
    (tmp_path / "libros").mkdir()
    make_pdf(tmp_path / "libros" / "ciencias5.pdf", pages)
    record = record_factory(
        external_id="libro:ciencias5",
        title="Ciencias Naturales. Quinto grado",
        description="Libro de texto para el alumno.",
        keywords=[],
        file="libros/ciencias5.pdf",
    )
    result = run_command("import_catalog", str(write_catalog([record])), "--files", str(tmp_path), "--no-progress")
    assert result.code == 0, result.stderr
    result = run_command("ingest_files", "--no-progress")
    assert result.code == 0, result.stderr
    from search import indexing

    indexing.drain()


def test_a_sentence_of_one_page_finds_the_book_opened_at_that_page(book, search_api):
    q = "la clorofila atrapa la luz del sol"
    hit = search_api(q=q).json()["results"][0]
    # ingest_files embedded the pages: besides page 37 (every word), two of the pages on
    # photosynthesis are near in meaning and count as hits too (only 37 with semantic search off).
    assert_found_at_page(hit, "libro:ciencias5", 37, q, page_hits=3 if semantic_search_enabled() else 1)
    assert {page["page"] for page in hit["pages"][1:]} <= {5, 9, 14, 22, 30}


def test_the_search_page_lists_page_hits_under_the_book(book, client):
    html = client.get("/buscar/", {"q": "fotosíntesis"}).content.decode()
    assert html.count("Pág. ") == 3
    assert "5 páginas coinciden" in html
    assert "<mark>fotosíntesis</mark>" in html
    assert "leer/?pagina=" in html and "&amp;q=fotos%C3%ADntesis" in html


def test_the_search_page_shows_no_count_when_every_matching_page_is_listed(book, client):
    html = client.get("/buscar/", {"q": "clorofila"}).content.decode()
    assert "Pág. 37:" in html
    assert "coincide" not in html
