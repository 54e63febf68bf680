"""Reading stored PDFs: page count, the text of each page, the cover, and every PDF we refuse."""

import io
import os

import pytest
from PIL import Image

from media.pdf import PdfProblem, check_limits, inspect_pdf, iter_page_texts, normalize_text, render_cover
from tests.pdf_factory import make_empty_pdf, make_encrypted_pdf, make_pdf, truncate

BOOK = [
    "Bloque 1. Los números naturales.\n\nContamos canicas de diez en diez y de cien en cien.",
    "Bloque 2. Fracciones.\n\nUn medio de pizza es lo mismo que dos cuartos: son fracciones equivalentes.",
    "Bloque 3. Ciencias.\n\nLa fotosíntesis ocurre en las hojas; el niño observa cómo crece el frijol.",
    "Bloque 4. Geografía.\n\nEl río Usumacinta marca parte de la frontera sur de México.",
]


@pytest.fixture
def book(tmp_path):
    return make_pdf(tmp_path / "libro.pdf", BOOK)


def test_page_count_of_a_generated_book(book):
    assert inspect_pdf(book) == 4


def test_each_sentence_is_on_its_own_page(book):
    pages = dict(iter_page_texts(book))
    assert list(pages) == [1, 2, 3, 4]
    assert "son fracciones equivalentes" in pages[2]
    assert "La fotosíntesis ocurre en las hojas; el niño observa cómo crece el frijol." in pages[3]
    assert "fotosíntesis" not in pages[2] + pages[4]
    assert "río Usumacinta" in pages[4]


def test_page_text_is_one_line_per_printed_line_without_carriage_returns(book):
    text = dict(iter_page_texts(book))[1]
    assert text == "Bloque 1. Los números naturales.\nContamos canicas de diez en diez y de cien en cien."


def test_a_word_hyphenated_across_lines_is_joined(tmp_path):
    path = make_pdf(tmp_path / "guiones.pdf", ["Aprendemos las frac-\nciones con el maes-\ntro Julián."])
    assert dict(iter_page_texts(path))[1] == "Aprendemos las fracciones con el maestro Julián."


def test_max_pages_stops_early(book):
    assert [number for number, _ in iter_page_texts(book, max_pages=2)] == [1, 2]


def test_pages_come_one_at_a_time(book):
    pages = iter_page_texts(book)
    assert next(pages)[0] == 1
    pages.close()


def test_normalize_text_collapses_whitespace_and_strips_nul():
    raw = "Las  frac\ufffeciones\r\n\r\n\r\n\r\n  son\t\x00 equivalentes \r\nA\u00adño ﬁnal "
    assert normalize_text(raw) == "Las fracciones\n\nson equivalentes\nAño final"


def test_normalize_text_joins_hyphen_only_before_a_lowercase_continuation():
    assert normalize_text("auto-\nestima") == "autoestima"
    assert normalize_text("página 1-\n2") == "página 1-\n2"
    assert normalize_text("Norte-\nSur") == "Norte-\nSur"


@pytest.mark.parametrize("width", [600, 240])
def test_cover_is_a_jpeg_of_the_requested_width(book, width):
    image = Image.open(io.BytesIO(render_cover(book, width=width)))
    assert image.format == "JPEG"
    assert image.width == width
    # Letter paper is 8.5 × 11 inches.
    assert image.height == pytest.approx(width * 11 / 8.5, abs=2)


def test_cover_shows_page_one(book):
    image = Image.open(io.BytesIO(render_cover(book))).convert("L")
    # The title line of page 1 is dark ink on white paper.
    assert image.getextrema()[0] < 100
    assert image.getpixel((5, 5)) > 240


def test_cover_of_a_very_tall_page_is_cut_to_a_bounded_height(tmp_path):
    path = make_pdf(tmp_path / "tira.pdf", ["Una tira muy larga."], pagesize=(200, 20000))
    image = Image.open(io.BytesIO(render_cover(path, width=300)))
    assert image.width == 300
    assert image.height <= 900


def _html(path):
    path.write_text("<!doctype html><html><body>No encontrado</body></html>", encoding="utf-8")
    return path


def _garbage_between_header_and_end(path):
    path.write_bytes(b"%PDF-1.7\n" + os.urandom(4096) + b"\n%%EOF\n")
    return path


def _empty_file(path):
    path.write_bytes(b"")
    return path


def _cut(fraction):
    return lambda path: truncate(make_pdf(path, BOOK), fraction)


CUT = "El PDF está incompleto (cortado antes del final); vuelve a copiarlo o descargarlo."
BAD_FILES = {
    "zero bytes": (_empty_file, "El archivo está vacío (0 bytes)."),
    "html named pdf": (_html, "El archivo no es un PDF."),
    "cut at half": (_cut(0.5), CUT),
    "cut near the end": (_cut(0.98), CUT),
    "garbage inside": (_garbage_between_header_and_end, "El PDF está dañado y no se puede abrir."),
    "user password": (make_encrypted_pdf, "El PDF está protegido con contraseña; guárdalo sin protección."),
    "owner password only": (
        lambda path: make_encrypted_pdf(path, user_password=""),
        "El PDF está cifrado con restricciones de uso; guárdalo sin protección.",
    ),
    "no pages": (make_empty_pdf, "El PDF no tiene páginas."),
}


@pytest.mark.parametrize("reader", [inspect_pdf, render_cover, lambda path: list(iter_page_texts(path))])
@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_bad_files_are_refused_with_a_spanish_reason(tmp_path, kind, reader):
    make, message = BAD_FILES[kind]
    path = make(tmp_path / "malo.pdf")
    with pytest.raises(PdfProblem) as refused:
        reader(path)
    assert refused.value.message == message


def test_the_intact_copy_of_a_truncated_book_still_opens(tmp_path):
    # The truncation cases above fail because of the cut, not because of the book.
    assert inspect_pdf(make_pdf(tmp_path / "entero.pdf", BOOK)) == 4


def test_limits_on_pages_and_size(book):
    with pytest.raises(PdfProblem) as refused:
        check_limits(book, page_count=12000, max_pages=5000, max_bytes=None)
    assert refused.value.message == "El libro tiene 12 000 páginas; el máximo es 5 000."

    with pytest.raises(PdfProblem) as refused:
        check_limits(book, page_count=4, max_pages=5000, max_bytes=1024)
    assert refused.value.message.startswith("El libro pesa ")
    assert refused.value.message.endswith("; el máximo es 1.0\xa0KB.")

    check_limits(book, page_count=4, max_pages=4, max_bytes=os.path.getsize(book))
    check_limits(book, page_count=4, max_pages=None, max_bytes=None)
