"""`manage.py restore FILE [--force]`: put a backup back, after checking all of it."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from oer.progress import progress_bar
from operations.backup.errors import BackupError
from operations.backup.restorer import restore_backup


class Command(BaseCommand):
    help = _(
        "Restaura una copia hecha con «backup»: primero comprueba todo el archivo (manifiesto, tamaño y sha256 "
        "de cada parte, motor de base de datos) y no cambia nada si algo falla; luego guarda los archivos y "
        "reemplaza la base de datos. Se niega a restaurar sobre un sitio con usuarios o páginas, salvo con --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", metavar=_("ARCHIVO"), help=_("El archivo de la copia."))
        parser.add_argument(
            "--force",
            action="store_true",
            help=_("Reemplaza también un sitio que ya tiene usuarios o páginas (se pierden)."),
        )
        parser.add_argument("--no-progress", action="store_true", help=_("No mostrar la barra de progreso."))

    def handle(self, *args, file, force, no_progress, **options):
        try:
            summary = restore_backup(file, force=force, progress=progress_bar(self.stderr, disabled=no_progress))
        except BackupError as exc:
            raise CommandError(str(exc))
        self.stdout.write(
            self.style.SUCCESS(
                _("Copia del %(created)s restaurada: base de datos %(engine)s, %(files)d archivos, %(users)d usuarios.")
                % {
                    "created": summary.created_at,
                    "engine": summary.engine,
                    "files": summary.files,
                    "users": summary.users,
                }
            )
        )
        self.stdout.write(
            _(
                "Siguiente paso: ejecute «python manage.py migrate» (si el código es más nuevo que la copia) y "
                "«python manage.py search_index rebuild» para que la búsqueda vuelva; después reinicie los "
                "procesos del sitio y del trabajador."
            )
        )
