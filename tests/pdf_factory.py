"""Real PDFs for tests and benchmarks: known Spanish sentences on known pages, and the broken kinds."""

import os

from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import LETTER
from reportlab.pdfgen import canvas

LINE_HEIGHT = 16
MARGIN = 72
# Characters per line that fit the letter width in 11-point Helvetica with one-inch margins.
LINE_CHARS = 80


def _wrap(text):
    """Split text on spaces into lines short enough for the page, without breaking words."""
    lines, current = [], ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > LINE_CHARS:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    if current:
        lines.append(current)
    return lines


def make_pdf(path, pages, pagesize=LETTER):
    """Write a PDF to path with one page per string in pages.

    A blank line separates paragraphs, a single newline forces a line break, and long lines wrap
    at spaces; what does not fit on the page is left out.
    """
    pdf = canvas.Canvas(str(path), pagesize=pagesize)
    pdf.setTitle("Libro de prueba")
    height = pagesize[1]
    for text in pages:
        pdf.setFont("Helvetica", 11)
        y = height - MARGIN
        for paragraph in text.split("\n\n"):
            for line in (wrapped for forced in paragraph.split("\n") for wrapped in _wrap(forced)):
                if y < MARGIN:
                    break
                pdf.drawString(MARGIN, y, line)
                y -= LINE_HEIGHT
            y -= LINE_HEIGHT
        pdf.showPage()
    pdf.save()
    return path


def make_encrypted_pdf(path, pages=("Página protegida con contraseña.",), user_password="secreta"):
    """Write an encrypted PDF; with user_password="" it opens without one but keeps its permissions."""
    plain = make_pdf(f"{path}.plain", list(pages))
    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.encrypt(user_password=user_password, owner_password="dueña", algorithm="AES-256")
    with open(path, "wb") as out:
        writer.write(out)
    os.remove(plain)
    return path


def make_empty_pdf(path):
    """Write a structurally valid PDF whose page tree holds no page."""
    with open(path, "wb") as out:
        PdfWriter().write(out)
    return path


def truncate(path, fraction):
    """Cut the file at path to the given fraction of its size, as an interrupted copy would."""
    size = os.path.getsize(path)
    with open(path, "r+b") as f:
        f.truncate(int(size * fraction))
    return path
