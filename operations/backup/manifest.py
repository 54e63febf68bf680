"""The archive's table of contents: what each member is, its size and sha256, and where it came from.

`manifest.json` is written last (it holds the digests of everything before it), followed by
`manifest.sha256`, the digest of the manifest itself, so a damaged manifest is noticed too.
"""

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

import django
import wagtail
from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.utils import validate_file_name
from django.utils import timezone
from django.utils.translation import gettext as _

from operations.backup.errors import BackupError

FORMAT = "acervo-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
MANIFEST_DIGEST = "manifest.sha256"
DATABASE_DIR = "database/"
FILES_DIR = "files/"
ENGINES = {"sqlite", "postgresql"}
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class Member:
    path: str
    size: int
    sha256: str

    @property
    def stored_name(self):
        """The name in the storage of a `files/` member."""
        return self.path[len(FILES_DIR) :]


@dataclass(frozen=True)
class Manifest:
    created_at: str
    engine: str
    database_member: str
    versions: dict
    members: tuple

    @property
    def files(self):
        return [member for member in self.members if member.path.startswith(FILES_DIR)]

    @property
    def total_bytes(self):
        return sum(member.size for member in self.members)


def acervo_version():
    """The project's version number, kept in package.json beside the code."""
    try:
        return json.loads((Path(settings.BASE_DIR) / "package.json").read_text(encoding="utf-8"))["version"]
    except (OSError, ValueError, KeyError):
        return "desconocida"


def build(engine, database_member, engine_version, members):
    """The manifest's bytes for the members written so far."""
    document = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "created_at": timezone.now().isoformat(),
        "database": {"engine": engine, "member": database_member, "server_version": engine_version},
        "versions": {"acervo": acervo_version(), "django": django.get_version(), "wagtail": wagtail.__version__},
        "members": [{"path": m.path, "size": m.size, "sha256": m.sha256} for m in members],
    }
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")


def digest_line(manifest_bytes):
    return (hashlib.sha256(manifest_bytes).hexdigest() + "\n").encode("ascii")


def _invalid(detail):
    return BackupError(_("El manifiesto de la copia no es válido: %(detail)s.") % {"detail": detail})


def check_member_path(path):
    """A member path the restore may use: under database/ or files/, relative, without `..`."""
    if not isinstance(path, str) or not path.startswith((DATABASE_DIR, FILES_DIR)) or "\\" in path:
        raise _invalid(_("ruta no permitida «%(path)s»") % {"path": path})
    try:
        validate_file_name(path, allow_relative_path=True)
    except SuspiciousFileOperation:
        raise _invalid(_("ruta no permitida «%(path)s»") % {"path": path})
    if path.endswith("/") or "//" in path or path in (DATABASE_DIR, FILES_DIR):
        raise _invalid(_("ruta no permitida «%(path)s»") % {"path": path})


def _member(entry):
    if not isinstance(entry, dict):
        raise _invalid(_("una entrada de «members» no es un objeto"))
    path, size, sha256 = entry.get("path"), entry.get("size"), entry.get("sha256")
    check_member_path(path)
    if not isinstance(size, int) or isinstance(size, bool) or size < 0:
        raise _invalid(_("tamaño inválido de «%(path)s»") % {"path": path})
    if not isinstance(sha256, str) or not _SHA256.match(sha256):
        raise _invalid(_("sha256 inválido de «%(path)s»") % {"path": path})
    return Member(path, size, sha256)


def parse(manifest_bytes, digest_bytes):
    """A Manifest from the two last members, or BackupError saying what is wrong."""
    if digest_line(manifest_bytes).strip() != digest_bytes.strip():
        raise BackupError(_("El manifiesto de la copia está dañado: su sha256 no coincide con manifest.sha256."))
    try:
        document = json.loads(manifest_bytes.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise _invalid(_("no es JSON (%(error)s)") % {"error": exc})
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise _invalid(_("no es una copia de Acervo"))
    if document.get("format_version") != FORMAT_VERSION:
        raise _invalid(
            _("versión de formato %(found)r; esta versión de Acervo lee la %(known)d")
            % {"found": document.get("format_version"), "known": FORMAT_VERSION}
        )
    database = document.get("database")
    if not isinstance(database, dict) or database.get("engine") not in ENGINES:
        raise _invalid(_("falta el motor de base de datos"))
    members = document.get("members")
    if not isinstance(members, list):
        raise _invalid(_("falta la lista «members»"))
    parsed = tuple(_member(entry) for entry in members)
    paths = [member.path for member in parsed]
    if len(set(paths)) != len(paths):
        raise _invalid(_("una ruta aparece dos veces"))
    if database.get("member") not in paths or not database["member"].startswith(DATABASE_DIR):
        raise _invalid(_("falta la base de datos"))
    return Manifest(
        created_at=str(document.get("created_at", "")),
        engine=database["engine"],
        database_member=database["member"],
        versions=document.get("versions") if isinstance(document.get("versions"), dict) else {},
        members=parsed,
    )
