"""Small sample files for media tests, built in memory."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from pypdf import PdfWriter


def png_bytes(width=64, height=48, mode="RGB"):
    buffer = io.BytesIO()
    Image.new(mode, (width, height)).save(buffer, format="PNG")
    return buffer.getvalue()


def pdf_bytes():
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def mp4_bytes(size=2048):
    head = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom"
    return head + b"\x00" * (size - len(head))


VALID_VTT = (
    "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nHoy repartimos pizzas.\n\n00:00:05.000 --> "
    "00:00:07.500\nEn partes iguales.\n"
)
BROKEN_VTT = (
    "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nHoy repartimos pizzas.\n\n00:00:05,000 --> "
    "00:00:07.500\nEn partes iguales.\n"
)


def upload(name, content, content_type="application/octet-stream"):
    if isinstance(content, str):
        content = content.encode()
    return SimpleUploadedFile(name, content, content_type=content_type)
