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


def dump(destination):
    """Copy the live database into the file `destination` (a new file)."""
    if not database_path().is_file():
        raise BackupError(_("No existe la base de datos SQLite %(path)s.") % {"path": database_path()})
    source = sqlite3.connect(database_path(), timeout=TIMEOUT_SECONDS)
    target = sqlite3.connect(destination)
    try:
        # pages=-1: the whole copy in one step, one snapshot; in steps, every write by another
        # connection between two steps would restart the copy.
        source.backup(target, pages=-1)
        # A self-contained file: no -wal beside it.
        target.execute("PRAGMA journal_mode=DELETE").fetchall()
    except sqlite3.Error as exc:
        raise BackupError(_("No se pudo copiar la base de datos SQLite: %(error)s") % {"error": exc})
    finally:
        target.close()
        source.close()


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
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    target = sqlite3.connect(database_path(), timeout=TIMEOUT_SECONDS)
    try:
        source.backup(target, pages=-1)
        # The site's connections ask for WAL themselves; set it now so the file is as the site leaves it.
        target.execute("PRAGMA journal_mode=WAL").fetchall()
    except sqlite3.Error as exc:
        raise BackupError(_("No se pudo escribir la base de datos SQLite: %(error)s") % {"error": exc})
    finally:
        target.close()
        source.close()
