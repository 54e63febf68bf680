"""The demo's sample books: generated, imported with their files, read, and found by a sentence of one page."""

import hashlib
import inspect
import json

import pytest

from media.models import StoredFile, StoredFilePage
from oer.demo import SAMPLE_BOOKS_PATH, books
from oer.demo.books import ciencias, guia, matematicas
from oer.models import ResourcePage
from tests.search import test_relevance_demo
from tests.search.conftest import embedded_search, search_api  # noqa: F401 (the search tests' fixtures)

pytestmark = pytest.mark.django_db

# external id -> (book, expected page count, a sentence only one page holds, that page)
SAMPLES = {
    "acervo:muestra:cuaderno-matematicas-quinto": (
        matematicas.BOOK,
        128,
        matematicas.EQUIVALENT_FRACTIONS_SENTENCE,
        28,
    ),
    "acervo:muestra:ciencias-naturales-quinto": (ciencias.BOOK, 152, ciencias.PHOTOSYNTHESIS_SENTENCE, 37),
    "acervo:muestra:guia-docente-fase-5": (guia.BOOK, 96, guia.FORMATIVE_ASSESSMENT_SENTENCE, 40),
}


def _plain(text):
    return " ".join(text.split())


@pytest.fixture
def demo(embedded_search, run_command):
    result = run_command("load_demo")
    assert result.code == 0, result.stderr
    return result


def _stored(external_id):
    return ResourcePage.objects.get(external_id=external_id).stored_file


def test_the_sample_catalogue_names_the_generated_files():
    with open(SAMPLE_BOOKS_PATH, encoding="utf-8") as handle:
        files = {record["external_id"]: record["file"] for record in map(json.loads, handle)}
    assert files == {external_id: books.relative_path(book) for external_id, (book, *_rest) in SAMPLES.items()}


def test_each_sample_book_is_real_sized_and_starts_its_chapters_where_its_contents_say():
    for book, pages, _sentence, page in SAMPLES.values():
        assert 80 <= book.page_count == pages <= 200
        assert page in book.chapter_starts()


def test_load_demo_stores_each_sample_book_read_with_its_pages_and_cover(demo):
    for external_id, (_book, pages, _sentence, _page) in SAMPLES.items():
        stored = _stored(external_id)
        assert stored.mime_type == "application/pdf"
        assert stored.read_status == StoredFile.ReadStatus.READY, stored.read_error
        assert stored.page_count == pages
        assert stored.pages.count() == pages
        assert stored.cover is not None and stored.cover.width > 0
        cover = _plain(stored.pages.get(number=1).text)
        assert "Material de muestra de Acervo — no es un libro oficial" in cover


def test_known_sentences_sit_on_their_pages_and_nowhere_else(demo):
    for external_id, (_book, _pages, sentence, page) in SAMPLES.items():
        holding = [
            (row.stored_file_id, row.number) for row in StoredFilePage.objects.all() if sentence in _plain(row.text)
        ]
        assert holding == [(_stored(external_id).pk, page)]


def test_the_stored_bytes_are_what_the_generator_writes_every_time(demo, tmp_path):
    written = books.generate(tmp_path)
    for external_id, (book, *_rest) in SAMPLES.items():
        assert _stored(external_id).sha256 == hashlib.sha256(written[book.slug].read_bytes()).hexdigest()


def test_a_second_load_demo_copies_and_reads_nothing(demo, run_command):
    before = {row.pk: (row.file.name, row.read_at) for row in StoredFile.objects.all()}
    pages = StoredFilePage.objects.count()
    again = run_command("load_demo")
    assert again.code == 0, again.stderr
    assert "Libros de muestra" not in again.stdout
    assert {row.pk: (row.file.name, row.read_at) for row in StoredFile.objects.all()} == before
    assert StoredFilePage.objects.count() == pages


def test_a_sentence_only_one_page_holds_finds_the_book_at_that_page(demo, search_api):
    for external_id, (_book, _pages, sentence, page) in SAMPLES.items():
        hit = search_api(q=sentence).json()["results"][0]
        assert hit["external_id"] == external_id
        assert hit["pages"][0]["page"] == page
        assert "<mark>" in hit["pages"][0]["snippet"]


def test_the_judged_demo_queries_keep_their_answers_when_book_pages_are_searchable(demo, search_api):
    # The checks that take only the demo and the API (parametrized ones have their own runs there).
    judged = [
        check
        for name, check in vars(test_relevance_demo).items()
        if name.startswith("test_") and list(inspect.signature(check).parameters) == ["demo", "search_api"]
    ]
    assert len(judged) >= 7
    for check in judged:
        check(demo, search_api)
