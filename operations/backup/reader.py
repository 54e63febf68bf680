"""Reading a backup: one full pass that checks every member against the manifest before anything is changed."""

import tarfile
from pathlib import Path

from django.utils.translation import gettext as _

from oer.progress import no_progress
from operations.backup import manifest
from operations.backup.digests import HashingReader
from operations.backup.errors import BackupError
from operations.backup.manifest import Member

CONTROL_MEMBERS = {manifest.MANIFEST, manifest.MANIFEST_DIGEST}


def open_archive(path):
    return tarfile.open(path, "r:")


def _damaged(path, detail):
    return BackupError(
        _("La copia %(path)s está dañada o incompleta: %(detail)s. No se cambió nada.")
        % {"path": path, "detail": detail}
    )


def _read_members(path, progress):
    """{path: Member as found} and the two control members' bytes."""
    found, control = {}, {}
    with open_archive(path) as tar:
        for info in progress(tar, desc=_("Verificando"), unit=_("archivo")):
            if not info.isfile():
                raise _damaged(path, _("«%(name)s» no es un archivo") % {"name": info.name})
            if info.name in found or info.name in control:
                raise _damaged(path, _("«%(name)s» aparece dos veces") % {"name": info.name})
            reader = HashingReader(tar.extractfile(info))
            if info.name in CONTROL_MEMBERS:
                control[info.name] = reader.read()
            else:
                reader.drain()
            if reader.size != info.size:
                raise _damaged(path, _("«%(name)s» está cortado") % {"name": info.name})
            if info.name not in CONTROL_MEMBERS:
                found[info.name] = Member(info.name, reader.size, reader.sha256)
    return found, control


def verify(path, progress=no_progress):
    """The archive's Manifest once every member matches it; BackupError (Spanish) otherwise."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(_("No existe el archivo %(path)s.") % {"path": path})
    try:
        found, control = _read_members(path, progress)
    except (tarfile.TarError, EOFError) as exc:
        raise _damaged(path, _("no es un tar legible (%(error)s)") % {"error": exc})
    except OSError as exc:
        raise _damaged(path, str(exc))
    if set(CONTROL_MEMBERS) - set(control):
        raise _damaged(path, _("falta el manifiesto (manifest.json y manifest.sha256, al final del archivo)"))
    try:
        contents = manifest.parse(control[manifest.MANIFEST], control[manifest.MANIFEST_DIGEST])
    except BackupError as exc:
        raise _damaged(path, str(exc).rstrip("."))
    for member in contents.members:
        actual = found.pop(member.path, None)
        if actual is None:
            raise _damaged(path, _("falta «%(name)s»") % {"name": member.path})
        if actual.size != member.size:
            raise _damaged(
                path,
                _("«%(name)s» mide %(actual)d bytes y el manifiesto dice %(expected)d")
                % {"name": member.path, "actual": actual.size, "expected": member.size},
            )
        if actual.sha256 != member.sha256:
            raise _damaged(path, _("el sha256 de «%(name)s» no coincide con el manifiesto") % {"name": member.path})
    if found:
        raise _damaged(path, _("«%(name)s» no figura en el manifiesto") % {"name": sorted(found)[0]})
    return contents
