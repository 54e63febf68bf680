"""Typesetting a sample book into a PDF with reportlab's canvas: cover, contents, chapters, page numbers.

Lines are drawn one by one on the canvas (Platypus is several times slower for plain text pages),
and the file is deterministic: `invariant=1` fixes the creation date and the document id, so
the same book always has the same bytes and importing it again copies nothing.
"""

import random
from functools import lru_cache

from reportlab import rl_config
from reportlab.lib.pagesizes import LETTER
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from .model import FractionBars, Heading, Items, Note, Paragraph, Table

PAGE_WIDTH, PAGE_HEIGHT = LETTER
MARGIN_X = 66
TOP = PAGE_HEIGHT - 78  # first baseline of the text block
BOTTOM = 70
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X

BODY = ("Helvetica", 11, 15)  # font, size, leading
BOLD = ("Helvetica-Bold", 11, 15)
HEADING = ("Helvetica-Bold", 14, 19)
SMALL = ("Helvetica", 8.5, 11)
GAP = 7  # space after a block
KEEP_WITH_HEADING = 5 * 15  # a heading needs room for five lines of what follows it
INK = (0.13, 0.13, 0.13)
MUTED = (0.42, 0.42, 0.42)
NOTICE = "Material de muestra de Acervo — no es un libro oficial"


@lru_cache(maxsize=65536)
def _width(text, font, size):
    return stringWidth(text, font, size)


def wrap(text, style, width):
    """Split text into lines that fit width, breaking only at spaces."""
    font, size, _leading = style
    space = _width(" ", font, size)
    lines, current, current_width = [], [], 0.0
    for word in text.split():
        word_width = _width(word, font, size)
        if current and current_width + space + word_width > width:
            lines.append(" ".join(current))
            current, current_width = [word], word_width
        else:
            current_width += (space if current else 0) + word_width
            current.append(word)
    if current:
        lines.append(" ".join(current))
    return lines


def _check_encoding(text):
    # The standard PDF fonts hold Windows-1252 only; anything else would print as an empty box.
    text.encode("cp1252")
    return text


def _lines(canvas, x, y, lines, style, color=INK):
    """Draw lines from baseline y down; returns the baseline after the last one.

    One text object per paragraph moves to the next line with the leading alone (T*), so the
    page stream holds far fewer coordinates to format than a drawString per line would.
    """
    if not lines:
        return y
    font, size, leading = style
    text = canvas.beginText(x, y)
    text.setFont(font, size, leading)
    text.setFillColorRGB(*color)
    for line in lines:
        text.textLine(line)
    canvas.drawText(text)
    return y - leading * len(lines)


# -- blocks: each measures to (height, draw(canvas, x, top_baseline)) ---------------------------
def measure(block, accent):
    if isinstance(block, Heading):
        lines = wrap(_check_encoding(block.text), HEADING, TEXT_WIDTH)
        height = 6 + len(lines) * HEADING[2]

        def draw(canvas, x, y):
            _lines(canvas, x, y - 6, lines, HEADING, accent)

        return height, draw

    if isinstance(block, Paragraph):
        lines = wrap(_check_encoding(block.text), BODY, TEXT_WIDTH)
        return len(lines) * BODY[2] + GAP, lambda canvas, x, y: _lines(canvas, x, y, lines, BODY)

    if isinstance(block, Note):
        pad = 9
        title = wrap(_check_encoding(block.title), BOLD, TEXT_WIDTH - 2 * pad)
        body = wrap(_check_encoding(block.text), BODY, TEXT_WIDTH - 2 * pad)
        inner = (len(title) + len(body)) * BODY[2]
        height = inner + 2 * pad + GAP + 4

        def draw(canvas, x, y):
            top = y + BODY[1] - 2  # the frame starts at the height of a capital letter of the first line
            canvas.setStrokeColorRGB(*accent)
            canvas.setFillColorRGB(*_tint(accent, 0.9))
            canvas.roundRect(x, top - inner - 2 * pad + 4, TEXT_WIDTH, inner + 2 * pad - 4, 6, fill=1)
            y = _lines(canvas, x + pad, y - pad + 4, title, BOLD, accent)
            _lines(canvas, x + pad, y, body, BODY)

        return height, draw

    if isinstance(block, Items):
        instruction = wrap(_check_encoding(block.instruction), BOLD, TEXT_WIDTH)
        bank = wrap("   ·   ".join(_check_encoding(word) for word in block.bank), BOLD, TEXT_WIDTH - 24)
        bank_height = len(bank) * BODY[2] + 12 if bank else 0
        numbered = [
            (f"{number}.", wrap(_check_encoding(item), BODY, TEXT_WIDTH - 22))
            for number, item in enumerate(block.items, start=block.start)
        ]
        answer = 17
        height = (
            len(instruction) * BODY[2]
            + 3
            + bank_height
            + sum(len(lines) * BODY[2] + block.lines * answer + 3 for _label, lines in numbered)
            + GAP
        )

        def draw(canvas, x, y):
            y = _lines(canvas, x, y, instruction, BOLD, accent) - 3
            if bank:
                canvas.setStrokeColorRGB(*accent)
                canvas.setDash(3, 2)
                canvas.rect(x, y - len(bank) * BODY[2] + 6, TEXT_WIDTH, len(bank) * BODY[2] + 6)
                canvas.setDash()
                canvas.setFont(BOLD[0], BOLD[1])
                canvas.setFillColorRGB(*INK)
                for line in bank:
                    canvas.drawCentredString(x + TEXT_WIDTH / 2, y - 1, line)
                    y -= BODY[2]
                y -= 12
            canvas.setStrokeColorRGB(*MUTED)
            for label, lines in numbered:
                canvas.setFillColorRGB(*INK)
                canvas.setFont(BOLD[0], BOLD[1])
                canvas.drawString(x + 2, y, label)
                y = _lines(canvas, x + 22, y, lines, BODY)
                for _blank in range(block.lines):
                    canvas.line(x + 22, y + 9, x + TEXT_WIDTH, y + 9)
                    y -= answer
                y -= 3

        return height, draw

    if isinstance(block, Table):
        shares = block.widths or (1 / len(block.header),) * len(block.header)
        edges = [sum(shares[:c]) * TEXT_WIDTH for c in range(len(shares) + 1)]
        row_height = 17
        caption = wrap(_check_encoding(block.caption), SMALL, TEXT_WIDTH) if block.caption else []
        rows = (block.header, *block.rows)
        for index, row in enumerate(rows):
            font = BOLD[0] if index == 0 else BODY[0]
            for c, cell in enumerate(row):
                if _width(_check_encoding(str(cell)), font, 10) > edges[c + 1] - edges[c] - 8:
                    raise ValueError(f"table cell too wide for its column: {cell!r}")
        height = row_height * len(rows) + len(caption) * SMALL[2] + 6 + GAP

        def draw(canvas, x, y):
            top = y + BODY[1] + 2
            bottom = top - row_height * len(rows)
            canvas.setFillColorRGB(*_tint(accent, 0.8))
            canvas.rect(x, top - row_height, TEXT_WIDTH, row_height, fill=1, stroke=0)
            canvas.setStrokeColorRGB(*MUTED)
            for index, row in enumerate(rows):
                canvas.setFont(BOLD[0] if index == 0 else BODY[0], 10)
                canvas.setFillColorRGB(*INK)
                for c, cell in enumerate(row):
                    canvas.drawString(x + edges[c] + 5, top - row_height * index - 12, str(cell))
                canvas.line(x, top - row_height * (index + 1), x + TEXT_WIDTH, top - row_height * (index + 1))
            canvas.rect(x, bottom, TEXT_WIDTH, row_height * len(rows))
            for edge in edges[1:-1]:
                canvas.line(x + edge, top, x + edge, bottom)
            _lines(canvas, x, bottom - 11, caption, SMALL, MUTED)

        return height, draw

    if isinstance(block, FractionBars):
        bar, row = 250, 26
        # Without labels the caption is the exercise's instruction and goes first.
        caption_style = SMALL if block.labeled else BOLD
        caption = wrap(_check_encoding(block.caption), caption_style, TEXT_WIDTH) if block.caption else []
        above = 0 if block.labeled else len(caption) * caption_style[2] + 3
        height = above + row * len(block.fractions) + (len(caption) * SMALL[2] if block.labeled else 0) + GAP

        def draw(canvas, x, y):
            if not block.labeled:
                y = _lines(canvas, x, y, caption, BOLD, accent) - 3
            top = y + BODY[1]
            for index, (numerator, denominator) in enumerate(block.fractions):
                bottom = top - row * index - 18
                part = bar / denominator
                canvas.setStrokeColorRGB(*INK)
                for p in range(denominator):
                    canvas.setFillColorRGB(*(accent if p < numerator else (1, 1, 1)))
                    canvas.rect(x + p * part, bottom, part, 16, fill=1)
                canvas.setFillColorRGB(*INK)
                canvas.setFont(BOLD[0], 12)
                canvas.drawString(x + bar + 14, bottom + 4, f"{numerator}/{denominator}" if block.labeled else "______")
            if block.labeled:
                _lines(canvas, x, top - row * len(block.fractions) - 6, caption, SMALL, MUTED)

        return height, draw

    raise TypeError(f"unknown block {block!r}")


def _fit(text, font, size, width):
    while text and _width(text, font, size) > width:
        text = text[:-1]
    return text


def _tint(color, amount):
    return tuple(c + (1 - c) * amount for c in color)


# -- the book --------------------------------------------------------------------------------
class Typesetter:
    def __init__(self, path, book):
        self.book = book
        self.canvas = Canvas(str(path), pagesize=LETTER, invariant=1, pageCompression=1)
        self.canvas.setTitle(f"{book.title}. {book.subtitle}")
        self.canvas.setAuthor("Acervo")
        self.canvas.setSubject(NOTICE)
        self.canvas.setCreator("Acervo")
        self.canvas.setKeywords(", ".join(book.keywords))
        self.page = 0
        self.y = TOP
        self.running = ""

    def write(self):
        self._cover()
        self._presentation()
        self._contents()
        for number, chapter in enumerate(self.book.chapters, start=1):
            self._chapter(number, chapter, random.Random(f"{self.book.seed}:{number}"))
        self.canvas.save()
        assert self.page == self.book.page_count, (self.page, self.book.page_count)

    # pages
    def _start_page(self, running=""):
        self.page += 1
        self.y = TOP
        self.running = running
        canvas = self.canvas
        if running:
            canvas.setFont(*SMALL[:2])
            canvas.setFillColorRGB(*MUTED)
            canvas.drawString(
                MARGIN_X, PAGE_HEIGHT - 44, _fit(f"{self.book.short_title} · {running}", SMALL[0], SMALL[1], TEXT_WIDTH)
            )
            canvas.setStrokeColorRGB(*_tint(self.book.color, 0.5))
            canvas.line(MARGIN_X, PAGE_HEIGHT - 50, PAGE_WIDTH - MARGIN_X, PAGE_HEIGHT - 50)

    def _end_page(self, numbered=True):
        if numbered:
            self.canvas.setFont("Helvetica", 10)
            self.canvas.setFillColorRGB(*MUTED)
            self.canvas.drawCentredString(PAGE_WIDTH / 2, 38, str(self.page))
        self.canvas.showPage()

    def _measured(self, blocks):
        """(height, room to keep below, draw) of each block; a heading keeps the block after it on its page."""
        measured = []
        for block in blocks:
            height, draw = measure(block, self.book.color)
            if height > TOP - BOTTOM:
                raise ValueError(f"{self.book.slug}: a block is taller than a page: {block!r}"[:300])
            measured.append([height, 0, draw, isinstance(block, Heading)])
        for index, item in enumerate(measured):
            if item[3]:
                follower = measured[index + 1][0] if index + 1 < len(measured) else KEEP_WITH_HEADING
                item[1] = min(follower, TOP - BOTTOM - item[0] - BODY[2])
        return [(height, keep, draw) for height, keep, draw, _heading in measured]

    def _breaks(self, measured):
        """How many new pages placing measured blocks from the cursor would take."""
        y, breaks = self.y, 0
        for height, keep, _draw in measured:
            if y - height - keep + BODY[2] < BOTTOM:
                breaks, y = breaks + 1, TOP
            y -= height
        return breaks

    @staticmethod
    def _fits_on_a_page(measured):
        return sum(height for height, _keep, _draw in measured) <= TOP - BOTTOM - BODY[2]

    def _place(self, blocks):
        self._draw(self._measured(blocks))

    def _draw(self, measured):
        """Draw measured blocks from the cursor on, starting new pages as they fill."""
        for height, keep, draw in measured:
            if self.y - height - keep + BODY[2] < BOTTOM:
                self._end_page()
                self._start_page(self.running)
            draw(self.canvas, MARGIN_X, self.y)
            self.y -= height

    def _cover(self):
        book, canvas = self.book, self.canvas
        self.page += 1
        canvas.setFillColorRGB(*book.color)
        canvas.rect(0, PAGE_HEIGHT * 0.42, PAGE_WIDTH, PAGE_HEIGHT * 0.58, fill=1, stroke=0)
        rng = random.Random(book.slug)
        canvas.saveState()
        band = canvas.beginPath()
        band.rect(0, PAGE_HEIGHT * 0.42, PAGE_WIDTH, PAGE_HEIGHT * 0.58)
        canvas.clipPath(band, stroke=0, fill=0)
        for _circle in range(9):  # a quiet pattern above the title, different for each book
            canvas.setFillColorRGB(*_tint(book.color, rng.uniform(0.15, 0.4)))
            canvas.circle(
                rng.uniform(0, PAGE_WIDTH),
                rng.uniform(PAGE_HEIGHT - 110, PAGE_HEIGHT + 20),
                rng.uniform(15, 50),
                fill=1,
                stroke=0,
            )
        canvas.restoreState()
        canvas.setFillColorRGB(1, 1, 1)
        y = PAGE_HEIGHT - 190
        for line in wrap(book.title, ("Helvetica-Bold", 30, 36), TEXT_WIDTH):
            canvas.setFont("Helvetica-Bold", 30)
            canvas.drawString(MARGIN_X, y, line)
            y -= 36
        canvas.setFont("Helvetica", 17)
        canvas.drawString(MARGIN_X, y - 10, book.subtitle)
        canvas.setFillColorRGB(*INK)
        canvas.setFont("Helvetica-Bold", 13)
        canvas.drawString(MARGIN_X, PAGE_HEIGHT * 0.42 - 50, NOTICE)
        canvas.setFont("Helvetica", 11)
        canvas.setFillColorRGB(*MUTED)
        canvas.drawString(
            MARGIN_X, PAGE_HEIGHT * 0.42 - 70, "Contenido original escrito para la demostración de Acervo."
        )
        canvas.drawString(
            MARGIN_X, PAGE_HEIGHT * 0.42 - 86, "Licencia Creative Commons Atribución 4.0 Internacional (CC BY 4.0)."
        )
        canvas.setFont("Helvetica-Bold", 22)
        canvas.setFillColorRGB(*book.color)
        canvas.drawString(MARGIN_X, 70, "Acervo")
        canvas.showPage()

    def _presentation(self):
        self._start_page()
        self._place([Heading("Presentación"), *(Paragraph(text) for text in self.book.presentation)])
        self._place(
            [
                Note(
                    NOTICE,
                    "Este material se generó para mostrar cómo Acervo guarda, lee y busca dentro de "
                    "los libros. No sustituye a los libros de texto gratuitos ni a ningún material oficial de la "
                    "Secretaría de Educación Pública. Puedes copiarlo, adaptarlo y compartirlo citando la fuente.",
                )
            ]
        )
        self._end_page()

    def _contents(self):
        self._start_page()
        self._place([Heading("Índice")])
        canvas = self.canvas
        for number, (chapter, start) in enumerate(
            zip(self.book.chapters, self.book.chapter_starts(), strict=True), start=1
        ):
            label = f"{number}. {chapter.title}"
            canvas.setFont(*BODY[:2])
            canvas.setFillColorRGB(*INK)
            canvas.drawString(MARGIN_X, self.y, label)
            canvas.drawRightString(PAGE_WIDTH - MARGIN_X, self.y, str(start))
            left = MARGIN_X + _width(label, BODY[0], BODY[1]) + 6
            right = PAGE_WIDTH - MARGIN_X - _width(str(start), BODY[0], BODY[1]) - 6
            dots = "." * max(0, int((right - left) / _width(".", BODY[0], BODY[1])))
            canvas.setFillColorRGB(*MUTED)
            canvas.drawRightString(right, self.y, dots)
            self.y -= BODY[2] + 6
        self._end_page()

    def _chapter(self, number, chapter, rng):
        last = self.page + chapter.pages
        self._start_page(chapter.title)
        canvas = self.canvas
        canvas.setFillColorRGB(*self.book.color)
        canvas.roundRect(MARGIN_X - 10, TOP - 58, TEXT_WIDTH + 20, 70, 8, fill=1, stroke=0)
        canvas.setFillColorRGB(1, 1, 1)
        canvas.setFont("Helvetica", 11)
        canvas.drawString(MARGIN_X + 4, TOP - 8, f"Capítulo {number}")
        canvas.setFont("Helvetica-Bold", 20)
        canvas.drawString(MARGIN_X + 4, TOP - 36, _fit(chapter.title, "Helvetica-Bold", 20, TEXT_WIDTH - 8))
        self.y = TOP - 86
        lesson = self._measured(chapter.lesson)
        if self.page + self._breaks(lesson) > last:
            raise ValueError(f"{self.book.slug}: «{chapter.title}» does not fit in {chapter.pages} pages")
        self._draw(lesson)
        # Practice comes in units (a block, or a tuple of blocks kept together) until the budget is full.
        for unit in chapter.practice(rng):
            measured = self._measured(unit if isinstance(unit, tuple) else (unit,))
            if len(measured) > 1 and self._breaks(measured) and self._fits_on_a_page(measured):
                # A unit that fits on one page starts the next page rather than being split.
                if self.page >= last:
                    break
                self._end_page()
                self._start_page(chapter.title)
            if self.page + self._breaks(measured) > last:
                break
            self._draw(measured)
        while self.page < last:  # a budget the practice could not fill ends with blank pages
            self._end_page()
            self._start_page(chapter.title)
        self._end_page()


def typeset(book, path):
    """Write book to path as a PDF; the same book always gives the same bytes."""
    # Binary page streams: ASCII85 only makes them a quarter bigger, and without reportlab's C
    # accelerator encoding them takes a third of the time.
    previous, rl_config.useA85 = rl_config.useA85, 0
    try:
        Typesetter(path, book).write()
    finally:
        rl_config.useA85 = previous
    return path
