"""`manage.py import_course PACKAGE [--track SLUG] [--skip-unsupported]`: a course from a package."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from courses.packages.importer import import_package
from oer.progress import progress_bar


class Command(BaseCommand):
    help = _(
        "Importa un curso de un Common Cartridge (.imscc, versiones 1.1 a 1.3) o de una exportación de Open edX "
        "(.tar.gz) como páginas publicadas: curso, módulos, lecciones y cuestionarios. Todo o nada; reimportar el "
        "mismo paquete actualiza el mismo curso. Ver docs/cursos-paquetes.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("package", help=_("Archivo .imscc (zip) o .tar.gz de Open edX."))
        parser.add_argument("--track", help=_("Slug del itinerario donde queda el curso."))
        parser.add_argument(
            "--skip-unsupported",
            action="store_true",
            help=_("Omite los elementos de tipos no admitidos (foros, LTI, tareas…) en lugar de detenerse."),
        )
        parser.add_argument("--no-progress", action="store_true", help=_("Sin barra de avance."))

    def handle(self, *args, package, track, skip_unsupported, no_progress, **options):
        report = import_package(
            package,
            track_slug=track,
            skip_unsupported=skip_unsupported,
            progress=progress_bar(self.stderr, disabled=no_progress),
        )
        for line in report.lines():
            (self.stderr if not report.ok else self.stdout).write(line)
        if not report.ok:
            raise CommandError(
                _("%(count)d error(es) en %(package)s; no se importó nada.")
                % {"count": len(report.errors), "package": report.package}
            )
        course = report.course
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Curso «%(title)s» (%(slug)s) importado en %(url)s: %(created)d páginas creadas, "
                    "%(updated)d actualizadas, %(unpublished)d despublicadas, %(skipped)d elementos omitidos."
                )
                % {
                    "title": course.title,
                    "slug": course.slug,
                    "url": course.url,
                    "created": report.created,
                    "updated": report.updated,
                    "unpublished": report.unpublished,
                    "skipped": len(report.skipped),
                }
            )
        )
