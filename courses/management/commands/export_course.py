"""`manage.py export_course SLUG --output FILE.imscc`: a course as an IMS Common Cartridge 1.3."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from courses.models import CoursePage
from courses.packages.export import export_course


class Command(BaseCommand):
    help = _(
        "Escribe un curso publicado como Common Cartridge 1.3 (.imscc): módulos, lecciones, contenido, enlaces y "
        "cuestionarios. import_course lo lee de vuelta con la misma estructura. Ver docs/cursos-paquetes.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug", help=_("Slug del curso."))
        parser.add_argument("--output", required=True, help=_("Archivo .imscc que se escribe."))

    def handle(self, *args, slug, output, **options):
        course = CoursePage.objects.filter(slug=slug).first()
        if course is None:
            raise CommandError(_("No existe el curso «%(slug)s».") % {"slug": slug})
        path = Path(output)
        if not path.parent.is_dir():
            raise CommandError(_("No existe la carpeta «%(folder)s».") % {"folder": path.parent})
        export_course(course, path)
        self.stdout.write(
            self.style.SUCCESS(
                _("Curso «%(title)s» exportado a %(path)s (Common Cartridge 1.3).")
                % {"title": course.title, "path": path}
            )
        )
