"""Sample books of the demo: three real-sized PDFs with original Spanish content, generated on demand.

They are not SEP books: each cover and presentation page says «Material de muestra de Acervo — no
es un libro oficial». `generate(folder)` writes them under `folder/libros/muestra/`, the paths the
demo catalogue's `file` fields name; the bytes are the same on every run.
"""

from pathlib import Path

from . import ciencias, guia, matematicas
from .layout import typeset

FOLDER = Path("libros") / "muestra"
BOOKS = (matematicas.BOOK, ciencias.BOOK, guia.BOOK)


def relative_path(book):
    """Where a book lives under the generated folder (the catalogue record's `file`)."""
    return (FOLDER / f"{book.slug}.pdf").as_posix()


def generate(folder, books=BOOKS):
    """Write every book under folder; returns {slug: absolute path}."""
    written = {}
    for book in books:
        path = Path(folder) / relative_path(book)
        path.parent.mkdir(parents=True, exist_ok=True)
        written[book.slug] = typeset(book, path)
    return written
