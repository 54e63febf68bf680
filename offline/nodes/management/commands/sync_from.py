"""`manage.py sync_from URL [--level SLUG] [--with-files]`: mirror another Acervo (see docs/offline.md)."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from offline.nodes.client import SyncError
from offline.nodes.sync import sync_from


class Command(BaseCommand):
    help = _(
        "Copia a este nodo el catálogo publicado de otro Acervo (OAI-PMH y datos abiertos) y sus "
        "itinerarios de cursos. Incremental: solo trae lo que cambió desde la última vez; lo retirado "
        "allá se retira aquí; una sincronización interrumpida sigue donde se quedó."
    )

    def add_arguments(self, parser):
        parser.add_argument("url", help=_("Dirección del Acervo de origen, p. ej. https://acervo.example.org"))
        parser.add_argument("--level", default="", metavar="NIVEL", help=_("Solo los recursos de ese nivel."))
        parser.add_argument(
            "--with-files",
            action="store_true",
            help=_("Descarga también los archivos guardados (solo los que cambiaron, por su sha256)."),
        )

    def handle(self, *args, url, level, with_files, **options):
        def report(message):
            self.stdout.write(message)
            self.stdout.flush()

        try:
            run = sync_from(url, level=level, with_files=with_files, report=report)
        except SyncError as error:
            raise CommandError(
                _("Sincronización fallida: %(error)s") % {"error": error.message}, returncode=1
            ) from None
        counts = run.counts
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Sincronización terminada: %(records)d registros leídos (%(created)d nuevos, %(updated)d "
                    "actualizados, %(unchanged)d sin cambios), %(retired)d retirados, %(files)d archivos "
                    "descargados, %(courses)d cursos actualizados, %(requests)d solicitudes."
                )
                % {
                    name: counts.get(name, 0)
                    for name in (
                        "records",
                        "created",
                        "updated",
                        "unchanged",
                        "retired",
                        "files",
                        "courses",
                        "requests",
                    )
                }
            )
        )
