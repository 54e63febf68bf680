"""`backup`: the database, then every stored file, then the manifest, into one tar written beside FILE.

The tar is written to a hidden file in FILE's folder and renamed over FILE only once complete and
flushed to disk: a failed backup leaves no partial FILE. Each member is streamed from its source
into the tar and hashed on the way; nothing is held in memory whole.
"""

import io
import os
import tarfile
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

from oer.progress import no_progress
from operations.backup import database, manifest, stored_files
from operations.backup.digests import HashingReader
from operations.backup.errors import BackupError
from operations.backup.manifest import FILES_DIR, Member


@dataclass(frozen=True)
class BackupSummary:
    path: Path
    engine: str
    files: int
    skipped: tuple
    size: int


def _tar_info(path, size):
    info = tarfile.TarInfo(path)
    info.size = size
    info.mtime = int(time.time())
    info.mode = 0o600
    return info


def _add(tar, path, fileobj, size):
    """Append one member read from fileobj; returns its Member (size and sha256 as written)."""
    reader = HashingReader(fileobj)
    try:
        tar.addfile(_tar_info(path, size), reader)
    except OSError as exc:
        if "unexpected end of data" in str(exc):
            raise BackupError(_("«%(path)s» cambió de tamaño durante la copia.") % {"path": path})
        raise
    return Member(path, size, reader.sha256)


def _add_database(tar, work_dir, engine):
    dump_path = Path(work_dir) / "database"
    engine.dump(dump_path)
    with open(dump_path, "rb") as handle:
        return _add(tar, engine.MEMBER, handle, dump_path.stat().st_size)


def _add_stored_file(tar, storage, name, size):
    """The member for a stored file, or None when the site deleted it after it was listed."""
    try:
        handle = storage.open(name, "rb")
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise _unreadable(name, exc)
    except Exception:
        if not storage.exists(name):
            return None
        raise
    with handle:
        try:
            return _add(tar, FILES_DIR + name, handle, size)
        except OSError as exc:
            raise _unreadable(name, exc)


def _unreadable(name, error):
    return BackupError(_("No se pudo leer el archivo guardado «%(name)s»: %(error)s") % {"name": name, "error": error})


def _listing(storage):
    try:
        return stored_files.listing(storage)
    except OSError as exc:
        raise BackupError(_("No se pudo listar los archivos guardados: %(error)s") % {"error": exc})


def _add_bytes(tar, path, data):
    tar.addfile(_tar_info(path, len(data)), io.BytesIO(data))


def write_backup(output, progress=no_progress, storage=None):
    """Write the backup to `output`; returns a BackupSummary."""
    output = Path(output).resolve()
    if not output.parent.is_dir():
        raise BackupError(_("La carpeta %(folder)s no existe.") % {"folder": output.parent})
    if output.is_dir():
        raise BackupError(_("%(path)s es una carpeta; indique un archivo.") % {"path": output})
    storage = storage or stored_files.default_storage()
    engine = database.engine()
    partial = output.with_name(f".{output.name}.{uuid.uuid4().hex[:8]}.partial")
    members, skipped = [], []
    try:
        with tarfile.open(partial, "w", format=tarfile.PAX_FORMAT) as tar:
            # The database first: files deleted afterwards are the only ones a restore can miss.
            with tempfile.TemporaryDirectory(dir=output.parent, prefix=".acervo-backup-") as work_dir:
                members.append(_add_database(tar, work_dir, engine))
            listing = _listing(storage)
            for name, size in progress(listing, desc=_("Archivos"), unit=_("archivo")):
                member = _add_stored_file(tar, storage, name, size)
                if member is None:
                    skipped.append(name)
                else:
                    members.append(member)
            document = manifest.build(database.engine_name(), engine.MEMBER, engine.server_version(), members)
            _add_bytes(tar, manifest.MANIFEST, document)
            _add_bytes(tar, manifest.MANIFEST_DIGEST, manifest.digest_line(document))
        with open(partial, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, output)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return BackupSummary(output, database.engine_name(), len(members) - 1, tuple(skipped), output.stat().st_size)
