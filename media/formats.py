"""The file formats Acervo accepts, and how each is recognised from its first bytes."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

# How many leading bytes sniffing needs; the ranged GET after a direct upload reads this much.
HEAD_BYTES = 4096


@dataclass(frozen=True)
class Format:
    key: str
    label: str
    category: str  # image | document | video | audio | caption
    mime_type: str
    extensions: tuple


FORMATS = {
    f.key: f
    for f in (
        Format("jpeg", "JPEG", "image", "image/jpeg", ("jpg", "jpeg")),
        Format("png", "PNG", "image", "image/png", ("png",)),
        Format("webp", "WebP", "image", "image/webp", ("webp",)),
        Format("pdf", "PDF", "document", "application/pdf", ("pdf",)),
        Format("zip", "ZIP", "document", "application/zip", ("zip", "docx", "xlsx", "pptx", "odt", "epub")),
        Format("text", _("texto"), "document", "text/plain", ("txt", "csv")),
        Format("mp4", "MP4", "video", "video/mp4", ("mp4", "m4v")),
        Format("webm", "WebM", "video", "video/webm", ("webm",)),
        Format("mp3", "MP3", "audio", "audio/mpeg", ("mp3",)),
        Format("ogg", "OGG", "audio", "audio/ogg", ("ogg", "oga", "opus")),
        Format("vtt", "WebVTT", "caption", "text/vtt", ("vtt",)),
    )
}

CATEGORY_LABELS = {
    "image": _("imagen"),
    "document": _("documento"),
    "video": _("video"),
    "audio": _("audio"),
    "caption": _("subtítulos"),
}


def formats_in(categories):
    return [f for f in FORMATS.values() if f.category in categories]


def _looks_like_mp3(head):
    if head.startswith(b"ID3"):
        return True
    # A bare MPEG audio frame: 11 sync bits, then layer III.
    return len(head) > 1 and head[0] == 0xFF and (head[1] & 0xE0) == 0xE0 and (head[1] & 0x06) == 0x02


def _text(head):
    """Decode a head as UTF-8 text, or None when it is binary."""
    if b"\x00" in head:
        return None
    try:
        # The head may cut a multi-byte character in two; ignore only that tail.
        return head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start >= len(head) - 3:
            return head[: exc.start].decode("utf-8")
        return None


def sniff(head):
    """Return the format key of a file from its first bytes, "svg", or None when unknown."""
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[4:8] == b"ftyp":
        # The same ISO container holds HEIC/AVIF images and M4A audio; only video brands are MP4 here.
        brand = head[8:12]
        if brand in {b"heic", b"heix", b"mif1", b"msf1", b"avif", b"avis"} or brand.startswith(b"M4A"):
            return None
        return "mp4"
    if head.startswith(b"\x1a\x45\xdf\xa3") and b"webm" in head[:64]:
        return "webm"
    if head.startswith(b"OggS"):
        return "ogg"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if _looks_like_mp3(head):
        return "mp3"
    text = _text(head)
    if text is None:
        return None
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith("WEBVTT"):
        return "vtt"
    lowered = stripped.lower()
    if "<svg" in lowered:
        return "svg"
    if lowered.startswith(("<!doctype html", "<html", "<?xml", "<script")):
        # Markup that a browser would run is never accepted as plain text.
        return "markup"
    return "text"
