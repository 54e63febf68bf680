"""`manage.py export_catalog --format jsonl|csv [--output PATH]`: the open-data dump."""

import os
import sys
import tempfile

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from oer.catalog.exporter import count_published, write_catalog
from oer.progress import progress_bar


class Command(BaseCommand):
    help = _("Exporta todos los recursos publicados con los mismos campos que la importación.")

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["jsonl", "csv"], default="jsonl", help=_("Formato de salida."))
        parser.add_argument("--output", help=_("Archivo de salida; sin él, la salida estándar."))
        parser.add_argument("--no-progress", action="store_true", help=_("No mostrar la barra de progreso."))

    def handle(self, *args, format, output, no_progress, **options):
        total = count_published()
        bar = progress_bar(self.stderr, disabled=no_progress or not output)

        def progress(records):
            return bar(records, total=total, desc=_("Exportando"), unit=_(" recursos"))

        if not output:
            count = write_catalog(sys.stdout, format)
            return
        directory = os.path.dirname(os.path.abspath(output))
        if not os.path.isdir(directory):
            raise CommandError(_("No existe la carpeta «%(dir)s».") % {"dir": directory})
        # Write beside the target and rename, so a failed export never leaves half a file.
        fd, tmp_path = tempfile.mkstemp(dir=directory, suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                count = write_catalog(handle, format, progress=progress)
            os.replace(tmp_path, output)
        except BaseException:
            os.unlink(tmp_path)
            raise
        self.stderr.write(_("%(n)d recursos exportados a %(path)s.") % {"n": count, "path": output})
