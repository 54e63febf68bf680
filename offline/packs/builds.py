"""Building packs: to a file (the command) or into storage for the grade page (the background task)."""

import logging
import os
import tempfile

from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from acervo import public_address
from media.stored_files import digest_of
from oer import taxonomy
from oer.progress import no_progress

from . import contents as pack_contents
from .course import add_course
from .fingerprint import grade_fingerprint
from .models import OfflinePack
from .writer import write_pack

logger = logging.getLogger(__name__)
STORAGE_FOLDER = "paquetes"


def grade_errors(level, grade):
    """Spanish messages for a level and grade that name no grade of the curriculum (empty when valid)."""
    if level not in taxonomy.LEVELS:
        known = ", ".join(taxonomy.LEVELS.slugs)
        return [_("Nivel desconocido: «%(level)s». Niveles: %(known)s.") % {"level": level, "known": known}]
    grades = taxonomy.GRADES_BY_LEVEL.get(level, ())
    if grade not in grades:
        if not grades:
            return [_("El nivel «%(level)s» no tiene grados.") % {"level": level}]
        known = ", ".join(str(g) for g in grades)
        return [
            _("Grado desconocido para %(level)s: «%(grade)s». Grados: %(known)s.")
            % {"level": level, "grade": grade, "known": known}
        ]
    return []


def pack_meta(level, grade, course=None):
    built_at = timezone.now().replace(microsecond=0)
    return {
        "format": "acervo-paquete-sin-conexion",
        "level": level,
        "grade": grade,
        "grade_label": str(taxonomy.grade_label(level, grade)),
        "fase": taxonomy.fase_for(level, grade),
        "course": course.slug if course is not None else None,
        "acervo_base_url": public_address.base_url(),
        "built_at": built_at,
        "built_label": _date_label(built_at),
    }


def _date_label(moment):
    with translation.override("es"):
        return formats.date_format(timezone.localtime(moment), "j \\d\\e F \\d\\e Y")


def collect(level, grade, course=None):
    contents = pack_contents.grade_contents(level, grade)
    if course is not None:
        add_course(contents, course)
    return contents


def build_to_path(output, level, grade, course=None, progress=no_progress):
    """Write the pack to `output` through a temporary file beside it: a failure leaves nothing behind."""
    contents = collect(level, grade, course)
    meta = pack_meta(level, grade, course)
    directory = os.path.dirname(os.path.abspath(output))
    fd, tmp_path = tempfile.mkstemp(dir=directory, prefix=".paquete-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            manifest = write_pack(handle, contents, meta, progress=progress)
        os.replace(tmp_path, output)
    except BaseException:
        os.unlink(tmp_path)
        raise
    return manifest


def refresh(level, grade, force=False):
    """Rebuild the grade's stored pack when its content fingerprint changed; (pack, rebuilt)."""
    fingerprint = grade_fingerprint(level, grade)
    pack, _created = OfflinePack.objects.get_or_create(level=level, grade=grade)
    current = pack.status == OfflinePack.Status.READY and pack.fingerprint == fingerprint
    if current and not force and pack.file and default_storage.exists(pack.file.name):
        return pack, False
    key = f"{STORAGE_FOLDER}/{level}-{grade}-{fingerprint[:16]}.zip"
    try:
        with tempfile.TemporaryDirectory(prefix="acervo-paquete-") as folder:
            local = os.path.join(folder, "paquete.zip")
            build_to_path(local, level, grade)
            digest = digest_of(local)
            if default_storage.exists(key):
                default_storage.delete(key)
            with open(local, "rb") as handle:
                saved = default_storage.save(key, File(handle, name=key))
    except Exception as exc:
        logger.exception("offline pack %s-%s failed", level, grade)
        OfflinePack.objects.filter(pk=pack.pk).update(status=OfflinePack.Status.FAILED, error=str(exc)[:2000])
        pack.refresh_from_db()
        return pack, False
    previous = pack.file.name if pack.file else ""
    with transaction.atomic():
        pack.fingerprint, pack.file.name = fingerprint, saved
        pack.size_bytes, pack.sha256 = digest.size, digest.sha256
        pack.built_at, pack.status, pack.error = timezone.now(), OfflinePack.Status.READY, ""
        pack.save()
    if previous and previous != saved:
        default_storage.delete(previous)
    return pack, True
