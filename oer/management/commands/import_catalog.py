"""`manage.py import_catalog PATH [--dry-run] [--files DIR] [--fetch]`: all-or-nothing catalogue import."""

import os

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from oer.catalog.importer import import_file
from oer.progress import progress_bar


class Command(BaseCommand):
    help = _(
        "Importa un catálogo en JSON Lines (o CSV) con un recurso por línea. Valida todas las "
        "líneas antes de escribir: si alguna es inválida no se escribe nada y se informa cada "
        "línea con su número y motivo. Reimportar actualiza por external_id, nunca duplica."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help=_("Archivo .jsonl (o .csv) del catálogo."))
        parser.add_argument("--dry-run", action="store_true", help=_("Solo valida; no escribe nada."))
        parser.add_argument(
            "--files",
            metavar="CARPETA",
            dest="files_dir",
            help=_(
                "Carpeta de la que salen las rutas del campo «file»: cada archivo se revisa antes de "
                "escribir nada y se guarda una sola vez por contenido."
            ),
        )
        parser.add_argument(
            "--fetch",
            action="store_true",
            help=_("Descarga en segundo plano el file_url de cada recurso que aún no tiene archivo guardado."),
        )
        parser.add_argument("--no-progress", action="store_true", help=_("No mostrar la barra de progreso."))

    def handle(self, *args, path, dry_run, no_progress, files_dir=None, fetch=False, **options):
        if not os.path.isfile(path):
            raise CommandError(_("No existe el archivo «%(path)s».") % {"path": path})
        if files_dir is not None and not os.path.isdir(files_dir):
            raise CommandError(_("No existe la carpeta «%(path)s» indicada con --files.") % {"path": files_dir})
        progress = progress_bar(self.stderr, disabled=no_progress)
        report = import_file(path, dry_run=dry_run, progress=progress, files_dir=files_dir, fetch=fetch)
        if not report.ok:
            for line in report.error_lines():
                self.stderr.write(line)
            raise CommandError(
                _("%(n)d error(es) en %(path)s; no se importó nada.") % {"n": len(report.errors), "path": path},
                returncode=1,
            )
        if dry_run:
            self.stdout.write(
                _("Validación correcta: %(n)d recursos. No se escribió nada (--dry-run).") % {"n": report.total}
            )
            return
        self.stdout.write(
            self.style.SUCCESS(
                _("Importación terminada: %(created)d creados, %(updated)d actualizados, %(unchanged)d sin cambios.")
                % {"created": report.created, "updated": report.updated, "unchanged": report.unchanged}
            )
        )
        if report.files:
            self.stdout.write(
                _("Archivos: %(total)d revisados, %(new)d guardados nuevos (los ya guardados no se copian de nuevo).")
                % {"total": len(report.files), "new": report.stored_new}
            )
        if report.stored_new or report.fetches:
            self.stdout.write(
                _(
                    "%(fetches)d descargas en cola. La lectura de archivos sigue en segundo plano "
                    "(python manage.py ingest_files la hace ahora)."
                )
                % {"fetches": report.fetches}
            )
