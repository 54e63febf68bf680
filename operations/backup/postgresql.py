"""PostgreSQL: `pg_dump --format=custom` and `pg_restore --clean --if-exists`, with the DATABASES settings.

The client programs come from postgresql-client; pg_dump must not be older than the server.
"""

import os
import re
import shutil
import subprocess

from django.conf import settings
from django.db import connection
from django.utils.translation import gettext as _

from operations.backup.errors import BackupError

MEMBER = "database/acervo.pgdump"
_VERSION = re.compile(r"\(PostgreSQL\)\s+(\d+)")


def _environment():
    """libpq's variables for the default database; the password never appears on a command line."""
    database = settings.DATABASES["default"]
    variables = {
        "PGHOST": database.get("HOST") or "",
        "PGPORT": str(database.get("PORT") or ""),
        "PGUSER": database.get("USER") or "",
        "PGPASSWORD": database.get("PASSWORD") or "",
        "PGDATABASE": database["NAME"],
    }
    if database.get("OPTIONS", {}).get("sslmode"):
        variables["PGSSLMODE"] = database["OPTIONS"]["sslmode"]
    return {**os.environ, **{name: value for name, value in variables.items() if value}}


def _program(name):
    path = shutil.which(name)
    if path is None:
        raise BackupError(
            _("No se encontró %(program)s: instale postgresql-client (la versión del servidor o una más nueva).")
            % {"program": name}
        )
    return path


def server_version():
    connection.ensure_connection()
    number = connection.pg_version
    return f"{number // 10000}.{number % 10000}"


def _check_client(program):
    """The client's major version must be at least the server's, or pg_dump refuses half-way."""
    output = subprocess.run([program, "--version"], capture_output=True, text=True, check=False).stdout
    match = _VERSION.search(output)
    connection.ensure_connection()
    server_major = connection.pg_version // 10000
    if match is None or int(match.group(1)) < server_major:
        raise BackupError(
            _("%(client)s no sirve para el servidor PostgreSQL %(server)d: instale postgresql-client-%(server)d.")
            % {"client": output.strip() or program, "server": server_major}
        )


def _run(arguments, what):
    result = subprocess.run(arguments, env=_environment(), capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BackupError(
            _("%(what)s falló (código %(code)d): %(error)s")
            % {"what": what, "code": result.returncode, "error": result.stderr.strip()[-2000:]}
        )


def dump(destination):
    program = _program("pg_dump")
    _check_client(program)
    _run([program, "--format=custom", "--file", str(destination)], "pg_dump")


def check(path):
    """pg_restore reads the archive's table of contents: a file it cannot read is refused before restoring."""
    _run([_program("pg_restore"), "--list", str(path)], "pg_restore --list")


def restore(path):
    program = _program("pg_restore")
    _check_client(program)
    connection.close()
    database = settings.DATABASES["default"]["NAME"]
    _run(
        [
            program,
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            "--dbname",
            database,
            str(path),
        ],
        "pg_restore",
    )
