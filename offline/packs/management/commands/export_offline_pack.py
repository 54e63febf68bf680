"""`manage.py export_offline_pack --level primaria --grade 5 [--course SLUG] --output FILE.zip`."""

import os

from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from oer.progress import progress_bar
from offline.packs.builds import build_to_path, grade_errors
from offline.packs.course import find_course


class Command(BaseCommand):
    help = _("Escribe un grado del acervo (y un curso) como sitio estático en un ZIP, para usar sin conexión.")

    def add_arguments(self, parser):
        parser.add_argument("--level", required=True, help=_("Nivel educativo, p. ej. primaria."))
        parser.add_argument("--grade", required=True, help=_("Grado dentro del nivel, p. ej. 5."))
        parser.add_argument("--course", help=_("Slug de un curso publicado que se incluye con sus lecciones."))
        parser.add_argument("--output", required=True, help=_("Archivo ZIP que se escribe."))
        parser.add_argument("--no-progress", action="store_true", help=_("No mostrar la barra de progreso."))

    def handle(self, *args, level, grade, course, output, no_progress, **options):
        try:
            grade = int(grade)
        except ValueError:
            raise CommandError(_("El grado debe ser un número: «%(grade)s».") % {"grade": grade}, returncode=2)
        errors = grade_errors(level, grade)
        if errors:
            raise CommandError(" ".join(errors), returncode=2)
        course_page = None
        if course:
            course_page = find_course(course)
            if course_page is None:
                raise CommandError(
                    _("No hay un curso publicado con el slug «%(slug)s».") % {"slug": course}, returncode=2
                )
        directory = os.path.dirname(os.path.abspath(output))
        if not os.path.isdir(directory):
            raise CommandError(_("No existe la carpeta «%(dir)s».") % {"dir": directory}, returncode=2)
        manifest = build_to_path(
            output, level, grade, course_page, progress=progress_bar(self.stderr, disabled=no_progress)
        )
        resources = sum(1 for f in manifest["files"] if f["path"].startswith("recursos/"))
        self.stdout.write(
            _("Paquete escrito en %(path)s: %(resources)d recursos, %(files)d archivos, %(size)s.")
            % {
                "path": output,
                "resources": resources,
                "files": len(manifest["files"]) + 1,
                "size": filesizeformat(os.path.getsize(output)),
            }
        )
