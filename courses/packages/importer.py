"""import_course's whole job: read the package, check it, then write the pages in one transaction.

The command and the admin view both call `import_package`; whatever fails is in the report and
nothing is written (see docs/cursos-paquetes.md).
"""

from collections import Counter
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.translation import gettext as _

from courses.models import TrackPage

from . import cartridge, olx
from .build import Builder, default_track
from .reader import read_archive
from .report import ImportReport, PackageError
from .slugs import course_slug, lesson_slug, module_slug


def _read(archive, report):
    if cartridge.MANIFEST in archive.files:
        return cartridge.read(archive, report), cartridge.MANIFEST
    archive.strip_top_folder(olx.ROOT)
    if olx.ROOT in archive.files:
        return olx.read(archive, report), olx.ROOT
    report.error(None, _("falta el manifiesto: no hay imsmanifest.xml (Common Cartridge) ni course.xml (Open edX)"))
    return None, None


def drop_empty(course, report, manifest):
    """Lessons left with nothing once their unsupported items were skipped, and modules left without lessons."""
    for module in course.modules:
        for lesson in [item for item in module.lessons if item.skipped and not item.body and not item.questions]:
            report.skip(
                manifest, _("la lección «%(title)s» quedó vacía") % {"title": lesson.title or lesson.identifier}
            )
            module.lessons.remove(lesson)
    course.modules = [module for module in course.modules if module.lessons]
    if not course.modules:
        report.error(manifest, _("el paquete no tiene ninguna lección con contenido"))


def check(course, report, manifest):
    """What the pages need and the readers cannot tell alone: unique slugs, pass scores, video URLs."""
    for label, slugs in (
        (_("módulos"), [module_slug(m) for m in course.modules]),
        (_("lecciones"), [lesson_slug(lesson) for lesson in course.lessons()]),
    ):
        for slug, count in Counter(slugs).items():
            if count > 1:
                report.error(
                    manifest, _("identificador repetido en %(what)s: %(slug)s") % {"what": label, "slug": slug}
                )
    validate_url = URLValidator(schemes=["http", "https"])
    for number, lesson in enumerate(course.lessons(), start=1):
        lesson.title = (lesson.title or _("Lección %(number)d") % {"number": number})[:255]
        if lesson.pass_score is not None:
            try:
                score = Decimal(lesson.pass_score)
                if not 0 < score <= 1:
                    raise InvalidOperation
            except InvalidOperation:
                report.error(manifest, _("calificación aprobatoria inválida en «%(title)s»") % {"title": lesson.title})
        for question in lesson.questions:
            if not question.text:
                report.error(manifest, _("la pregunta «%(id)s» no tiene texto") % {"id": question.identifier})
        for kind, value in lesson.body:
            if kind == "video":
                try:
                    validate_url(value["url"])
                except ValidationError:
                    report.error(manifest, _("dirección de video inválida: %(url)s") % {"url": value["url"][:200]})


def import_package(path, *, track_slug=None, skip_unsupported=False, user=None, name=None, progress=None):
    """Import a Common Cartridge or an OLX export; returns the report (report.ok: something was written)."""
    report = ImportReport(package=name or Path(path).name, skip_unsupported=skip_unsupported)
    track = None
    if track_slug:
        track = TrackPage.objects.filter(slug=track_slug).first()
        if track is None:
            report.error(None, _("no existe el itinerario «%(slug)s»") % {"slug": track_slug})
            return report
    try:
        archive = read_archive(path)
        course, manifest = _read(archive, report)
    except PackageError as exc:
        report.error(None, exc)
        return report
    if course is None or not report.ok:
        return report
    drop_empty(course, report, manifest)
    check(course, report, manifest)
    if not report.ok:
        return report
    report.slug = course_slug(course)
    try:
        with transaction.atomic():
            Builder(report, user, progress).build(course, track or _current_track(report.slug) or default_track())
    except ValidationError as exc:  # rolled back: a page Wagtail would not save (e.g. a slug clash)
        report.error(None, "; ".join(exc.messages))
        report.created = report.updated = report.unpublished = 0
        report.course = None
    return report


def _current_track(slug):
    from courses.models import CoursePage

    page = CoursePage.objects.filter(slug=slug).first()
    return page.get_parent().specific if page else None
