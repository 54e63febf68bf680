"""Checking a catalogue record's `file` before anything is written (see docs/catalogo.md).

Each check returns a Spanish reason for the `línea N: file: …` report, or the checked file with
its digest, so the write phase copies exactly what was checked.
"""

import os
import re
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from media.formats import HEAD_BYTES, sniff
from media.pdf import PdfProblem, inspect_pdf
from media.stored_files import digest_of
from media.validation import check_format
from oer.taxonomy import RESOURCE_TYPES

SHA256_RE = re.compile(r"^[0-9a-fA-F]{64}$")

# The formats each kind of resource may hold (keys of media.formats.FORMATS).
KIND_FORMATS = {
    "textbook": {"pdf"},
    "teacher_guide": {"pdf"},
    "activity": {"pdf"},
    "weekly_plan": {"pdf"},
    "video": {"mp4", "webm"},
    "audio": {"mp3", "ogg"},
}
FORMAT_CATEGORIES = {"pdf": "document", "mp4": "video", "webm": "video", "mp3": "audio", "ogg": "audio"}


@dataclass(frozen=True)
class CheckedFile:
    path: str  # absolute, inside the folder given with --files
    name: str  # as written in the record
    sha256: str
    size: int
    categories: frozenset


def kind_label(kind):
    return {"video": _("video (MP4 o WebM)"), "audio": _("audio (MP3 u OGG)")}.get(kind, _("PDF"))


def resolve_inside(files_dir, relative):
    """The real path of `relative` under files_dir, or a reason why it is not one."""
    if not isinstance(relative, str) or not relative.strip():
        return None, _("debe ser una ruta de archivo relativa a la carpeta de --files")
    if len(relative) > 500 or "\x00" in relative:
        return None, _("la ruta no es válida")
    candidate = Path(relative)
    if candidate.is_absolute() or relative.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", relative):
        return None, _("«%(path)s» es una ruta absoluta; debe ser relativa a la carpeta de --files") % {
            "path": relative
        }
    if ".." in candidate.parts or ".." in relative.replace("\\", "/").split("/"):
        return None, _("«%(path)s» sale de la carpeta de --files (contiene «..»)") % {"path": relative}
    root = Path(files_dir).resolve()
    joined = root / candidate
    if not os.path.lexists(joined):
        return None, _("no existe «%(path)s» en la carpeta de --files") % {"path": relative}
    real = joined.resolve()
    if real != root and root not in real.parents:
        return None, _("«%(path)s» es un enlace que lleva fuera de la carpeta de --files") % {"path": relative}
    if not real.is_file():
        return None, _("«%(path)s» no es un archivo") % {"path": relative}
    return str(real), None


def check_record_file(files_dir, relative, kind, expected_sha256=None):
    """Return (CheckedFile, None) or (None, Spanish reason)."""
    if files_dir is None:
        return None, _("para importar archivos indica la carpeta con --files CARPETA")
    path, problem = resolve_inside(files_dir, relative)
    if problem:
        return None, problem
    return check_local_file(path, relative, kind, expected_sha256)


def check_local_file(path, name, kind, expected_sha256=None):
    """Check a local file's content against the resource kind (and digest); (CheckedFile, None) or (None, reason)."""
    if expected_sha256 is not None and (not isinstance(expected_sha256, str) or not SHA256_RE.match(expected_sha256)):
        return None, _("sha256 debe tener 64 caracteres hexadecimales")
    size = os.path.getsize(path)
    if size == 0:
        return None, _("«%(path)s» está vacío (0 bytes)") % {"path": name}
    with open(path, "rb") as handle:
        head = handle.read(HEAD_BYTES)
    allowed = KIND_FORMATS.get(kind, set())
    key = sniff(head)
    if key not in allowed:
        found = {"markup": _("una página HTML o XML"), None: _("un contenido desconocido")}.get(
            key, (key or "").upper()
        )
        return None, _("«%(path)s» es %(found)s; un recurso de tipo «%(kind)s» necesita %(expected)s") % {
            "path": name,
            "found": found,
            "kind": str(RESOURCE_TYPES.label(kind)).lower(),
            "expected": kind_label(kind),
        }
    categories = frozenset({FORMAT_CATEGORIES[key]})
    try:
        check_format(head, name, size, categories)
    except ValidationError as exc:
        return None, exc.messages[0]
    if key == "pdf":
        try:
            inspect_pdf(path)
        except PdfProblem as exc:
            return None, f"«{name}»: {exc.message}"
    digest = digest_of(path)
    if expected_sha256 and digest.sha256 != expected_sha256.lower():
        return None, _("el sha256 de «%(path)s» es %(actual)s, no el indicado %(expected)s") % {
            "path": name,
            "actual": digest.sha256,
            "expected": expected_sha256.lower(),
        }
    return CheckedFile(path, name, digest.sha256, digest.size, categories), None
