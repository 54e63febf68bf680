"""What a sample book is made of: front matter, chapters with a fixed page budget, and content blocks.

A chapter opens with its hand-written lesson text and fills the rest of its budget with practice
blocks drawn from a seeded generator, so every chapter starts on a page known in advance and a
book's page count never depends on how long its paragraphs turn out to be.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

# Cover, presentation and table of contents come before the first chapter.
FRONT_PAGES = 3


@dataclass(frozen=True)
class Heading:
    text: str


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Note:
    """A framed paragraph: a rule to remember, a safety warning, a worked example."""

    title: str
    text: str


@dataclass(frozen=True)
class Items:
    """Numbered exercises under an instruction; `lines` blank answer lines follow each one.

    `bank` holds the words a fill-in exercise draws from, shown in a frame under the instruction.
    """

    instruction: str
    items: tuple
    lines: int = 0
    bank: tuple = ()
    start: int = 1  # number of the first item, for a list that continues another


@dataclass(frozen=True)
class Table:
    header: tuple
    rows: tuple
    caption: str = ""
    widths: tuple = ()  # share of the text width of each column; equal when empty


@dataclass(frozen=True)
class FractionBars:
    """Strips of equal length cut into `denominator` parts with `numerator` parts shaded."""

    fractions: tuple  # ((numerator, denominator), ...)
    caption: str = ""
    labeled: bool = True  # False leaves a blank for the reader to write the fraction


@dataclass(frozen=True)
class Chapter:
    title: str
    pages: int
    lesson: tuple
    practice: Callable[..., Iterator]  # practice(rng) yields blocks without end


@dataclass(frozen=True)
class Book:
    slug: str
    title: str
    subtitle: str
    short_title: str
    color: tuple  # RGB of the cover and the headings, each 0–1
    presentation: tuple  # paragraphs of page 2
    chapters: tuple
    seed: int = 1
    keywords: tuple = field(default=())

    @property
    def page_count(self):
        return FRONT_PAGES + sum(chapter.pages for chapter in self.chapters)

    def chapter_starts(self):
        """Page number (from 1) where each chapter begins, in order."""
        starts, page = [], FRONT_PAGES + 1
        for chapter in self.chapters:
            starts.append(page)
            page += chapter.pages
        return starts

    def start_of(self, title):
        return dict(zip((c.title for c in self.chapters), self.chapter_starts(), strict=True))[title]
