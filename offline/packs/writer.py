"""Writing a pack: a zip streamed onto a file object, files copied from storage in chunks.

Pages are rendered and written one at a time and stored files are copied chunk by chunk, so a
pack of many gigabytes never sits in memory. Every entry's sha256 and size go to manifest.json,
written last.
"""

import hashlib
import json
import zipfile
from pathlib import Path

from django.utils.translation import gettext as _

from media.stored_files import CHUNK
from oer.progress import no_progress

from . import render

STYLESHEET = Path(__file__).resolve().parent / "pack_assets" / "estilo.css"
# Formats already compressed: deflating them again costs time and gains nothing.
STORED_SUFFIXES = {".pdf", ".mp4", ".m4v", ".webm", ".mp3", ".m4a", ".ogg", ".oga", ".jpg", ".jpeg", ".png", ".webp"}
# Entries larger than this get zip64 headers from the start (the size is known before copying).
ZIP64_FROM = 1 << 30


def write_pack(handle, contents, meta, progress=no_progress):
    """Write the pack of `contents` onto the binary file object `handle`; returns the manifest dict."""
    files = []
    with zipfile.ZipFile(handle, "w", allowZip64=True) as archive:
        writer = _EntryWriter(archive, meta["built_at"], files)
        writer.write_bytes("estilo.css", STYLESHEET.read_bytes())
        for path, text in progress(render.pages(contents, meta), total=render.page_count(contents), desc=_("Páginas")):
            writer.write_bytes(path, text.encode("utf-8"))
        for pack_file in progress(list(contents.files.values()), desc=_("Archivos"), unit=_(" archivos")):
            writer.copy(pack_file)
        manifest = {**{key: value for key, value in meta.items() if key != "built_at"}, "files": files}
        manifest["built_at"] = meta["built_at"].isoformat()
        writer.write_bytes("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8"))
    return manifest


class _EntryWriter:
    def __init__(self, archive, when, files):
        self.archive, self.files = archive, files
        self.date_time = when.timetuple()[:6]

    def _info(self, path):
        info = zipfile.ZipInfo(path, date_time=self.date_time)
        suffix = Path(path).suffix.lower()
        info.compress_type = zipfile.ZIP_STORED if suffix in STORED_SUFFIXES else zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        return info

    def write_bytes(self, path, data):
        with self.archive.open(self._info(path), "w") as target:
            target.write(data)
        if path != "manifest.json":
            self.files.append({"path": path, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)})

    def copy(self, pack_file):
        """Copy a stored file into the zip in chunks, hashing as it goes."""
        hasher, size = hashlib.sha256(), 0
        expected = pack_file.storage.size(pack_file.name)
        with (
            pack_file.storage.open(pack_file.name, "rb") as source,
            self.archive.open(self._info(pack_file.path), "w", force_zip64=expected >= ZIP64_FROM) as target,
        ):
            while chunk := source.read(CHUNK):
                hasher.update(chunk)
                target.write(chunk)
                size += len(chunk)
        self.files.append({"path": pack_file.path, "sha256": hasher.hexdigest(), "size": size})
