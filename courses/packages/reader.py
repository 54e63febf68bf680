"""Reading a package archive (zip or tar.gz) into memory, refusing bombs and entries that escape the folder.

Nothing is extracted to disk: entries are read into a dict of bytes with hard caps on their number,
their total size and their compression ratio, counted while reading (headers can lie).
"""

import posixpath
import stat
import tarfile
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

from .report import PackageError

CHUNK = 64 * 1024
# A compression ratio above this is a bomb, for entries (and tar archives) past RATIO_FLOOR bytes:
# small text files legitimately compress very well.
RATIO_FLOOR = 1024 * 1024


def max_entries():
    return getattr(settings, "ACERVO_PACKAGE_MAX_ENTRIES", 5000)


def max_bytes():
    return getattr(settings, "ACERVO_PACKAGE_MAX_BYTES", 200 * 1024 * 1024)


def max_ratio():
    return getattr(settings, "ACERVO_PACKAGE_MAX_RATIO", 100)


@dataclass
class Archive:
    files: dict  # path inside the package -> bytes

    def strip_top_folder(self, marker):
        """OLX exports wrap everything in one folder (course/): drop it when `marker` is only found there."""
        if marker in self.files:
            return
        tops = {name.split("/", 1)[0] for name in self.files}
        if len(tops) == 1:
            top = tops.pop() + "/"
            self.files = {name[len(top) :]: data for name, data in self.files.items() if name.startswith(top)}


def safe_name(raw):
    """The entry's normalised relative path, or a PackageError when it is absolute or climbs out."""
    name = raw.replace("\\", "/")
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        raise PackageError(_("la entrada «%(name)s» tiene una ruta absoluta") % {"name": raw})
    parts = [part for part in name.split("/") if part not in ("", ".")]
    if ".." in parts:
        raise PackageError(_("la entrada «%(name)s» sale de la carpeta del paquete (..)") % {"name": raw})
    return posixpath.join(*parts) if parts else ""


class _Budget:
    def __init__(self):
        self.entries = 0
        self.total = 0

    def count_entry(self):
        self.entries += 1
        if self.entries > max_entries():
            raise PackageError(_("el paquete tiene más de %(max)d entradas") % {"max": max_entries()})

    def read(self, stream, name, compressed=None):
        chunks, size = [], 0
        while chunk := stream.read(CHUNK):
            size += len(chunk)
            self.total += len(chunk)
            if self.total > max_bytes():
                raise PackageError(
                    _("el paquete descomprimido pasa de %(max)d MB (posible bomba de compresión)")
                    % {"max": max_bytes() // (1024 * 1024)}
                )
            if compressed is not None and size > RATIO_FLOOR and size > compressed * max_ratio():
                raise PackageError(
                    _("«%(name)s» se expande más de %(ratio)d veces (bomba de compresión)")
                    % {"name": name, "ratio": max_ratio()}
                )
            chunks.append(chunk)
        return b"".join(chunks)


def _read_zip(path):
    files, budget = {}, _Budget()
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            budget.count_entry()
            name = safe_name(info.filename)
            if stat.S_ISLNK(info.external_attr >> 16):
                raise PackageError(_("la entrada «%(name)s» es un enlace simbólico") % {"name": info.filename})
            if info.is_dir() or not name:
                continue
            with archive.open(info) as stream:
                files[name] = budget.read(stream, name, compressed=max(info.compress_size, 1))
    return files


def _read_tar(path):
    files, budget = {}, _Budget()
    compressed = max(Path(path).stat().st_size, 1)
    with tarfile.open(path, "r:*") as archive:
        for member in archive:
            budget.count_entry()
            name = safe_name(member.name)
            if member.issym() or member.islnk():
                raise PackageError(_("la entrada «%(name)s» es un enlace") % {"name": member.name})
            if member.isdir() or not name:
                continue
            if not member.isfile():
                raise PackageError(_("la entrada «%(name)s» no es un archivo normal") % {"name": member.name})
            with archive.extractfile(member) as stream:
                files[name] = budget.read(stream, name)
            if budget.total > RATIO_FLOOR and budget.total > compressed * max_ratio():
                raise PackageError(
                    _("el paquete se expande más de %(ratio)d veces (bomba de compresión)") % {"ratio": max_ratio()}
                )
    return files


def read_archive(path):
    """Every file of the package at `path`; PackageError when it is not a safe zip or tar archive."""
    path = Path(path)
    if not path.is_file():
        raise PackageError(_("no existe el archivo"))
    try:
        if zipfile.is_zipfile(path):
            return Archive(_read_zip(path))
        if tarfile.is_tarfile(path):
            return Archive(_read_tar(path))
    except (zipfile.BadZipFile, tarfile.TarError, EOFError, OSError, zlib.error) as exc:
        raise PackageError(_("el archivo está dañado: %(error)s") % {"error": exc}) from exc
    raise PackageError(_("no es un paquete .imscc (zip) ni una exportación de Open edX (.tar.gz)"))
