"""Books of any length assembled from the sample chapters, so benchmarks can read thousands of distinct pages."""

import dataclasses
import random

from . import ciencias, guia, matematicas
from .model import FRONT_PAGES

SOURCES = (matematicas.BOOK, ciencias.BOOK, guia.BOOK)
MIN_PAGES = 12


def chapters():
    """Every sample chapter with the colour of the book it comes from."""
    return [(chapter, book.color) for book in SOURCES for chapter in book.chapters]


def assorted_book(number, pages, title, subtitle="Libro de prueba"):
    """A book of exactly `pages` pages: a seeded choice of sample chapters, the last one stretched to fit.

    Chapters keep their hand-written lessons; their practice is seeded by `number`, so every
    book's exercise pages differ from every other book's.
    """
    if pages < MIN_PAGES:
        raise ValueError(f"a book needs at least {MIN_PAGES} pages")
    rng = random.Random(number)
    pool = chapters()
    rng.shuffle(pool)
    room = pages - FRONT_PAGES
    chosen = []
    for chapter, color in pool:
        if chapter.pages <= room:
            chosen.append((chapter, color))
            room -= chapter.pages
        if room < 6:
            break
    if not chosen:  # a short book: one chapter cut to the budget
        chosen, room = [(dataclasses.replace(pool[0][0], pages=room), pool[0][1])], 0
    last, color = chosen[-1]
    chosen[-1] = (dataclasses.replace(last, pages=last.pages + room), color)
    source = SOURCES[number % len(SOURCES)]
    return dataclasses.replace(
        source,
        slug=f"prueba-{number:05d}",
        title=title,
        subtitle=subtitle,
        short_title=subtitle,
        chapters=tuple(chapter for chapter, _color in chosen),
        seed=number,
        color=chosen[0][1],
    )
