"""Reading stored PDFs: checking they open, page count, page text one page at a time, the page-1 cover.

Everything opens the file from its path, so PDFium reads what it needs from disk and a
1,000-page book is never held in memory. pypdf is the slower fallback for a page PDFium cannot read.
"""

import io
import os
import re
import unicodedata

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image
from pypdf import PdfReader

# The PDF specification lets readers look for the header in the first 1,024 bytes and for the
# end-of-file marker in the last 1,024; a copy cut short loses the marker (and usually the xref).
HEADER_WINDOW = 1024
TRAILER_WINDOW = 1024
# A cover of an extremely tall page is cut at this height-to-width ratio, so memory stays bounded.
MAX_COVER_RATIO = 3
COVER_QUALITY = 85

LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})
# PDFium marks a word hyphenated across a line break with U+FFFE (or 0x02); U+00AD is a soft hyphen.
HYPHEN_MARKS = re.compile("[\ufffe\x02\u00ad]\\s*")
LINE_END_HYPHEN = re.compile(r"(?<=\w)-\n(?=(\w))")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
SPACES = re.compile(r"[ \t\u00a0]+")
BLANK_LINES = re.compile(r"\n{3,}")


class PdfProblem(Exception):
    """A PDF Acervo cannot read or will not take; the message is in Spanish, without the file name."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def _thousands(number):
    return f"{number:,}".replace(",", " ")


def _check_envelope(path):
    """Refuse what is not a whole PDF by its first and last bytes, before PDFium parses anything."""
    size = os.path.getsize(path)
    if size == 0:
        raise PdfProblem(_("El archivo está vacío (0 bytes)."))
    with open(path, "rb") as f:
        head = f.read(HEADER_WINDOW)
        f.seek(max(0, size - TRAILER_WINDOW))
        tail = f.read()
    if b"%PDF-" not in head:
        raise PdfProblem(_("El archivo no es un PDF."))
    if b"%%EOF" not in tail:
        raise PdfProblem(_("El PDF está incompleto (cortado antes del final); vuelve a copiarlo o descargarlo."))


def _open(path):
    """Open path with PDFium or raise PdfProblem saying why it cannot be read."""
    _check_envelope(path)
    # The raw call, because PdfDocument reports an empty page tree with whatever error came last.
    raw = pdfium_c.FPDF_LoadDocument(os.fsencode(path) + b"\x00", None)
    if not raw:
        if pdfium_c.FPDF_GetLastError() in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise PdfProblem(_("El PDF está protegido con contraseña; guárdalo sin protección."))
        raise PdfProblem(_("El PDF está dañado y no se puede abrir."))
    document = pdfium.PdfDocument(raw)
    if pdfium_c.FPDF_GetSecurityHandlerRevision(raw) != -1:
        # Readable without a password but encrypted with permissions; refused like uploads are.
        document.close()
        raise PdfProblem(_("El PDF está cifrado con restricciones de uso; guárdalo sin protección."))
    if len(document) == 0:
        document.close()
        raise PdfProblem(_("El PDF no tiene páginas."))
    return document


def inspect_pdf(path):
    """Return the page count of the PDF at path; raise PdfProblem if it is not a whole, open PDF."""
    document = _open(path)
    try:
        return len(document)
    finally:
        document.close()


def check_limits(path, page_count, max_pages, max_bytes):
    """Raise PdfProblem when the book has more pages or bytes than the caller allows (None: no limit)."""
    if max_pages is not None and page_count > max_pages:
        raise PdfProblem(
            _("El libro tiene %(pages)s páginas; el máximo es %(max)s.")
            % {"pages": _thousands(page_count), "max": _thousands(max_pages)}
        )
    size = os.path.getsize(path)
    if max_bytes is not None and size > max_bytes:
        raise PdfProblem(
            _("El libro pesa %(size)s; el máximo es %(max)s.")
            % {"size": filesizeformat(size), "max": filesizeformat(max_bytes)}
        )


def normalize_text(text):
    """Page text as words and lines: hyphenated words joined, whitespace runs collapsed, no NUL."""
    text = unicodedata.normalize("NFC", text.translate(LIGATURES))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = HYPHEN_MARKS.sub("", text)
    text = CONTROL.sub(" ", text)
    text = SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    # "frac-\nciones" is one word; "Norte-\nSur" and "1-\n2" keep their hyphen.
    text = LINE_END_HYPHEN.sub(lambda m: "" if m[1].islower() else m[0], text)
    return BLANK_LINES.sub("\n\n", text).strip()


def _pdfium_page_text(document, index):
    page = document[index]
    try:
        textpage = page.get_textpage()
        try:
            return textpage.get_text_range()
        finally:
            textpage.close()
    finally:
        page.close()


def iter_page_texts(path, max_pages=None):
    """Yield (page number from 1, normalized text) for each page, one page in memory at a time.

    A page PDFium fails on is read with pypdf instead; a page neither can read yields "".
    """
    document = _open(path)
    fallback_file = fallback = None
    try:
        count = len(document) if max_pages is None else min(len(document), max_pages)
        for index in range(count):
            try:
                text = _pdfium_page_text(document, index)
            except pdfium.PdfiumError:
                if fallback is None:
                    # A file object, because pypdf given a path reads the whole file into memory.
                    fallback_file = open(path, "rb")
                    fallback = PdfReader(fallback_file)
                try:
                    text = fallback.pages[index].extract_text() or ""
                except Exception:
                    text = ""
            yield index + 1, normalize_text(text)
    finally:
        document.close()
        if fallback_file is not None:
            fallback_file.close()


def render_cover(path, width=600):
    """Return page 1 as JPEG bytes, width pixels wide (a very tall page is cut at the top part)."""
    document = _open(path)
    try:
        page = document[0]
        try:
            page_width, page_height = page.get_size()
            scale = width / page_width
            # Cut from the bottom so the bitmap is at most MAX_COVER_RATIO times as tall as wide.
            cut = max(0.0, page_height - page_width * MAX_COVER_RATIO)
            bitmap = page.render(scale=scale, crop=(0, cut, 0, 0))
            try:
                image = bitmap.to_pil().convert("RGB")
            finally:
                bitmap.close()
        finally:
            page.close()
    finally:
        document.close()
    if image.width != width:
        image = image.resize((width, max(1, round(image.height * width / image.width))), Image.LANCZOS)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=COVER_QUALITY, optimize=True)
    return buffer.getvalue()
