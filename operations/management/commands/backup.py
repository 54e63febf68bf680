"""`manage.py backup --output FILE`: the database and every stored file in one verified archive."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from oer.progress import progress_bar
from operations.backup.errors import BackupError
from operations.backup.writer import write_backup


class Command(BaseCommand):
    help = _(
        "Escribe una copia de seguridad completa en un solo archivo tar: la base de datos (SQLite con su API "
        "de copia en línea, PostgreSQL con pg_dump), todos los archivos guardados (disco local o S3) y un "
        "manifiesto con el tamaño y el sha256 de cada parte. Puede ejecutarse con el sitio en marcha."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", required=True, metavar=_("ARCHIVO"), help=_("Ruta del archivo de la copia (p. ej. acervo.tar).")
        )
        parser.add_argument("--no-progress", action="store_true", help=_("No mostrar la barra de progreso."))

    def handle(self, *args, output, no_progress, **options):
        try:
            summary = write_backup(output, progress=progress_bar(self.stderr, disabled=no_progress))
        except BackupError as exc:
            raise CommandError(_("No se escribió la copia: %(error)s") % {"error": exc})
        for name in summary.skipped:
            self.stderr.write(_("Omitido (se borró durante la copia): %(name)s") % {"name": name})
        self.stdout.write(
            self.style.SUCCESS(
                _("Copia escrita en %(path)s: base de datos %(engine)s y %(files)d archivos, %(size)s.")
                % {"path": summary.path, "engine": summary.engine, "files": summary.files, "size": _size(summary.size)}
            )
        )


def _size(count):
    for unit in ("B", "KB", "MB", "GB"):
        if count < 1024 or unit == "GB":
            return f"{count:.0f} {unit}" if unit == "B" else f"{count:.1f} {unit}"
        count /= 1024
