"""The validation module recognises formats by their bytes and points at broken WebVTT lines."""

import pytest

from media.formats import sniff
from media.validation import webvtt_error
from tests.media.samples import BROKEN_VTT, VALID_VTT, mp4_bytes, pdf_bytes, png_bytes


@pytest.mark.parametrize(
    "head, expected",
    [
        (pdf_bytes(), "pdf"),
        (png_bytes(), "png"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "jpeg"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "webp"),
        (mp4_bytes(), "mp4"),
        (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00", None),
        (b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x84webm", "webm"),
        (b"ID3\x04\x00\x00\x00\x00\x00\x00", "mp3"),
        (b"\xff\xfb\x90\x64\x00", "mp3"),
        (b"OggS\x00\x02", "ogg"),
        (VALID_VTT.encode(), "vtt"),
        (b"\xef\xbb\xbf<?xml version='1.0'?>\n<svg xmlns='http://www.w3.org/2000/svg'/>", "svg"),
        (b"Nombre,Grado\nAna,5\n", "text"),
        (b"\x00\x01\x02\x03binario", None),
    ],
)
def test_formats_are_recognised_by_content(head, expected):
    assert sniff(head) == expected


@pytest.mark.parametrize(
    "text, line",
    [
        (BROKEN_VTT, 6),
        ("Hola\n\n00:00:01.000 --> 00:00:02.000\nHola\n", 1),
        ("WEBVTT\n\n00:00:05.000 --> 00:00:02.000\nAl revés\n", 3),
        ("WEBVTT\n\nintro\nsin tiempos\n", 4),
        ("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nuno --> dos\n", 4),
    ],
)
def test_broken_webvtt_points_at_its_line(text, line):
    assert webvtt_error(text)[0] == line


def test_valid_webvtt_with_notes_and_identifiers_passes():
    text = "WEBVTT - Clase 1\n\nNOTE revisado\n\nintro\n00:01.000 --> 00:02.000 align:start\nHola\n"
    assert webvtt_error(text) is None
