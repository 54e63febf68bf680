"""`restore`: verify the whole archive, check the target, then put back the stored files and the database.

Order matters: the archive is read in full and checked before anything changes; the database
copy is checked by its own engine next (it is the archive's first member); stored files go in
before the database, so until the very last step the target still looks as it did.
"""

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.core.cache import caches
from django.db import connections
from django.utils.translation import gettext as _

from oer.progress import no_progress
from operations.backup import database, stored_files
from operations.backup.digests import HashingReader
from operations.backup.errors import BackupError
from operations.backup.reader import open_archive, verify

COPY_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class RestoreSummary:
    engine: str
    created_at: str
    files: int
    users: int
    pages: int


def _check_target(contents, force):
    target_engine = database.engine_name()
    if contents.engine != target_engine:
        raise BackupError(
            _(
                "La copia es de una base de datos %(backup)s y este sitio usa %(target)s; restáurela en una "
                "instalación con el mismo motor. No se cambió nada."
            )
            % {"backup": contents.engine, "target": target_engine}
        )
    if force:
        return
    current = database.contents()
    if not current.empty:
        raise BackupError(
            _(
                "El sitio de destino no está vacío (%(users)d usuarios y %(pages)d páginas además de las de una "
                "instalación nueva). Restaurar lo reemplazaría: use --force para hacerlo. No se cambió nada."
            )
            % {"users": current.users, "pages": current.extra_pages}
        )


def _confirm(member, reader):
    """The second read must match the first: the archive may not change during a restore."""
    if reader.size != member.size or reader.sha256 != member.sha256:
        raise BackupError(
            _("«%(name)s» cambió durante la restauración; vuelva a ejecutarla con una copia que nadie modifique.")
            % {"name": member.path}
        )


def _extract_database(tar, info, member, work_dir):
    path = Path(work_dir) / "database"
    reader = HashingReader(tar.extractfile(info))
    with open(path, "wb") as handle:
        shutil.copyfileobj(reader, handle, COPY_CHUNK)
    _confirm(member, reader)
    return path


def _clear_caches():
    """Cached users, pages and course plans describe the old data."""
    for alias in caches:
        caches[alias].clear()


def restore_backup(path, force=False, progress=no_progress, storage=None):
    contents = verify(path, progress)
    _check_target(contents, force)
    engine = database.engine()
    storage = storage or stored_files.default_storage()
    expected = {member.path: member for member in contents.members}
    restored_files = 0
    with tempfile.TemporaryDirectory(prefix="acervo-restore-") as work_dir, open_archive(path) as tar:
        database_copy = None
        for info in progress(tar, total=len(expected) + 2, desc=_("Restaurando"), unit=_("archivo")):
            member = expected.get(info.name)
            if member is None:
                continue
            if member.path == contents.database_member:
                database_copy = _extract_database(tar, info, member, work_dir)
                engine.check(database_copy)
                continue
            reader = HashingReader(tar.extractfile(info))
            stored_files.put(storage, member.stored_name, reader, member.size)
            _confirm(member, reader)
            restored_files += 1
        connections.close_all()
        engine.restore(database_copy)
    connections.close_all()
    _clear_caches()
    after = database.contents()
    return RestoreSummary(
        engine.__name__.rsplit(".", 1)[-1], contents.created_at, restored_files, after.users, after.extra_pages
    )
