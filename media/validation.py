"""Checks every upload must pass: type by content, size limits, image bombs, broken PDFs, WebVTT."""

import io
import re
import warnings

import webvtt
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image
from pypdf import PdfReader

from .formats import CATEGORY_LABELS, FORMATS, HEAD_BYTES, formats_in, sniff

MB = 1024 * 1024
# Overridden per category by settings.ACERVO_UPLOAD_MAX_BYTES.
DEFAULT_MAX_BYTES = {
    "image": 30 * MB,
    "document": 1024 * MB,
    "video": 5 * 1024 * MB,
    "audio": 1024 * MB,
    "caption": 2 * MB,
}


def max_bytes(category):
    limits = {**DEFAULT_MAX_BYTES, **getattr(settings, "ACERVO_UPLOAD_MAX_BYTES", {})}
    return limits[category]


def extension_of(name):
    name = (name or "").rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def accepted_text(categories):
    return ", ".join(sorted({str(f.label) for f in formats_in(categories)}))


def check_declared(name, size, categories):
    """Checks possible before any byte arrives (direct uploads): extension and size."""
    candidates = [f for f in formats_in(categories) if extension_of(name) in f.extensions]
    if not candidates:
        raise ValidationError(
            _("«%(name)s» no es de un tipo aceptado. Se aceptan: %(accepted)s.")
            % {"name": name, "accepted": accepted_text(categories)},
            code="unsupported_type",
        )
    check_size(name, size, candidates[0].category)
    return candidates[0]


def check_size(name, size, category):
    if not size:
        raise ValidationError(_("«%(name)s» está vacío.") % {"name": name}, code="empty")
    limit = max_bytes(category)
    if size > limit:
        raise ValidationError(
            _("«%(name)s» pesa %(size)s; el máximo para %(category)s es %(limit)s.")
            % {
                "name": name,
                "size": filesizeformat(size),
                "category": CATEGORY_LABELS[category],
                "limit": filesizeformat(limit),
            },
            code="too_large",
        )


def check_format(head, name, size, categories):
    """Return the Format of a file from its first bytes, its name and size, or refuse it."""
    key = sniff(head)
    if key == "svg":
        raise ValidationError(
            _("«%(name)s» es un SVG; no se aceptan porque pueden contener código. Súbelo como PNG o WebP.")
            % {"name": name},
            code="svg",
        )
    fmt = FORMATS.get(key)
    if fmt is not None and fmt.category not in categories:
        raise ValidationError(
            _("El contenido de «%(name)s» es %(actual)s (%(category)s); aquí se acepta: %(accepted)s.")
            % {
                "name": name,
                "actual": fmt.label,
                "category": CATEGORY_LABELS[fmt.category],
                "accepted": accepted_text(categories),
            },
            code="wrong_category",
        )
    if fmt is None:
        raise ValidationError(
            _("El contenido de «%(name)s» no es de un tipo aceptado. Se aceptan: %(accepted)s.")
            % {"name": name, "accepted": accepted_text(categories)},
            code="unsupported_type",
        )
    extension = extension_of(name)
    if extension not in fmt.extensions:
        raise ValidationError(
            _(
                "«%(name)s» dice ser .%(extension)s, pero su contenido es %(actual)s. Revisa que sea "
                "el archivo correcto."
            )
            % {"name": name, "extension": extension or "?", "actual": fmt.label},
            code="type_mismatch",
        )
    check_size(name, size, fmt.category)
    return fmt


def read_head(file):
    file.seek(0)
    head = file.read(HEAD_BYTES)
    file.seek(0)
    return head


def validate_upload(file, categories):
    """Validate an uploaded file (any file object with name and size); return its Format."""
    name = getattr(file, "name", "") or ""
    fmt = check_format(read_head(file), name, file.size, categories)
    deep_check = {"image": check_image, "pdf": check_pdf, "vtt": check_webvtt}
    check = deep_check.get(fmt.category) or deep_check.get(fmt.key)
    if check:
        try:
            check(file, name)
        finally:
            file.seek(0)
    return fmt


def check_image(file, name):
    max_pixels = getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", 128 * 1000000)
    too_big = ValidationError(
        _("La imagen «%(name)s» tiene demasiados píxeles (máximo %(max)s millones); redúcela antes de subirla.")
        % {"name": name, "max": round(max_pixels / 1_000_000, 1)},
        code="too_many_pixels",
    )
    try:
        with warnings.catch_warnings():
            # Pillow only warns between its limit and twice it; we decide on our own limit below.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(file) as image:
                width, height = image.size
                if width * height > max_pixels:
                    raise too_big
                image.verify()
    except Image.DecompressionBombError:
        raise too_big from None
    except ValidationError:
        raise
    except Exception:
        raise ValidationError(
            _("La imagen «%(name)s» está dañada o incompleta.") % {"name": name}, code="broken_image"
        ) from None


def check_pdf(file, name):
    try:
        reader = PdfReader(file)
        if reader.is_encrypted:
            raise ValidationError(
                _("El PDF «%(name)s» está protegido con contraseña; súbelo sin protección.") % {"name": name},
                code="encrypted_pdf",
            )
        if len(reader.pages) == 0:
            raise ValueError("no pages")
    except ValidationError:
        raise
    except Exception:
        raise ValidationError(
            _("El PDF «%(name)s» está dañado y no se puede abrir.") % {"name": name}, code="broken_pdf"
        ) from None


TIMESTAMP = r"(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})"
TIMING_LINE = re.compile(rf"^{TIMESTAMP}[ \t]+-->[ \t]+{TIMESTAMP}(?:[ \t]+.*)?$")


def _seconds(hours, minutes, seconds, millis):
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds) + int(millis) / 1000


def webvtt_error(text):
    """Return (line number, problem) for the first structural error of a WebVTT text, or None."""
    lines = text.lstrip("\ufeff").splitlines()
    if not lines or not re.match(r"^WEBVTT(?:[ \t].*)?$", lines[0]):
        return 1, _("la primera línea debe ser «WEBVTT»")
    blocks, current = [], []
    for number, line in enumerate(lines, start=1):
        if line.strip():
            current.append((number, line))
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    for block in blocks[1:] if blocks and blocks[0][0][0] == 1 else blocks:
        first = block[0][1]
        if first.startswith(("NOTE", "STYLE", "REGION")):
            continue
        timing_index = 0 if "-->" in first else 1
        if timing_index >= len(block) or "-->" not in block[timing_index][1]:
            number = block[min(timing_index, len(block) - 1)][0]
            return number, _("se esperaba una línea de tiempos como «00:00:01.000 --> 00:00:04.000»")
        number, timing = block[timing_index]
        match = TIMING_LINE.match(timing.strip())
        if not match:
            return number, _("los tiempos están mal escritos (formato: 00:00:01.000 --> 00:00:04.000)")
        if _seconds(*match.groups()[4:]) < _seconds(*match.groups()[:4]):
            return number, _("el final del subtítulo es anterior a su inicio")
        for number, line in block[timing_index + 1 :]:
            if "-->" in line:
                return number, _("el texto de un subtítulo no puede contener «-->»")
    return None


def check_webvtt(file, name):
    file.seek(0)
    try:
        text = file.read().decode("utf-8")
    except UnicodeDecodeError:
        raise ValidationError(
            _("Los subtítulos «%(name)s» deben estar en UTF-8.") % {"name": name}, code="webvtt_encoding"
        ) from None
    error = webvtt_error(text)
    if error:
        raise ValidationError(
            _("Los subtítulos «%(name)s» no son WebVTT válido, línea %(line)s: %(problem)s.")
            % {"name": name, "line": error[0], "problem": error[1]},
            code="invalid_webvtt",
        )
    try:
        webvtt.from_buffer(io.StringIO(text.lstrip("\ufeff")))
    except Exception:
        raise ValidationError(
            _("Los subtítulos «%(name)s» no son WebVTT válido.") % {"name": name}, code="invalid_webvtt"
        ) from None
