"""SQLite: a consistent copy through the online backup API, and a restore through the same API.

Both directions go through SQLite's own locking, so the site may keep its connections open: the
copy is one read transaction (a snapshot, in WAL mode writers carry on), and the restore replaces
the pages of the live file under a write lock instead of swapping the file under open handles.
"""

import sqlite3
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

from operations.backup.errors import BackupError

MEMBER = "database/acervo.sqlite3"
TIMEOUT_SECONDS = 60


def database_path():
    return Path(settings.DATABASES["default"]["NAME"])


def server_version():
    return sqlite3.sqlite_version


def _copy(source, target, journal_mode, failure):
    """Copy every page of `source` into `target` through the backup API (one step: one snapshot)."""
    try:
        # pages=-1: in steps, every write by another connection between two steps would restart the copy.
        source.backup(target, pages=-1)
        target.execute(f"PRAGMA journal_mode={journal_mode}").fetchall()
    except sqlite3.Error as exc:
        raise BackupError(failure % {"error": exc})
    finally:
        target.close()
        source.close()


def dump(destination):
    """Copy the live database into the file `destination` (a new file)."""
    if not database_path().is_file():
        raise BackupError(_("No existe la base de datos SQLite %(path)s.") % {"path": database_path()})
    live = sqlite3.connect(database_path(), timeout=TIMEOUT_SECONDS)
    # DELETE: a self-contained file, no -wal beside it.
    _copy(live, sqlite3.connect(destination), "DELETE", _("No se pudo copiar la base de datos SQLite: %(error)s"))


def check(path):
    """Refuse a copy SQLite itself finds damaged."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        result = connection.execute("PRAGMA quick_check").fetchall()
    except sqlite3.Error as exc:
        raise BackupError(_("La base de datos de la copia no se puede abrir: %(error)s") % {"error": exc})
    finally:
        connection.close()
    if result != [("ok",)]:
        raise BackupError(_("La base de datos de la copia está dañada: %(detail)s") % {"detail": result[:3]})


def restore(path):
    """Replace the configured database's content with the copy at `path`."""
    copy = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    live = sqlite3.connect(database_path(), timeout=TIMEOUT_SECONDS)
    # WAL, as the site's own connections leave it.
    _copy(copy, live, "WAL", _("No se pudo escribir la base de datos SQLite: %(error)s"))
