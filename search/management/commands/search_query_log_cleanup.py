"""`manage.py search_query_log_cleanup [--days N]`: drop search-log days older than the report needs."""

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from search import query_log


class Command(BaseCommand):
    help = _(
        "Borra del registro de búsquedas los días de hace más de N días (%(days)d por omisión). "
        "Pensado para cron, una vez al día."
    ) % {"days": query_log.KEEP_DAYS}

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=query_log.KEEP_DAYS,
            help=_("Días que se conservan (1 o más)."),
        )

    def handle(self, *args, days, **options):
        if days < 1:
            raise CommandError(_("--days debe ser 1 o mayor."))
        try:
            deleted = query_log.remove_old(days)
        except DatabaseError as exc:
            raise CommandError(_("No se pudo limpiar el registro de búsquedas: %(error)s") % {"error": exc})
        self.stdout.write(
            self.style.SUCCESS(
                ngettext(
                    "Registro de búsquedas: %(n)d fila de hace más de %(days)d días borrada.",
                    "Registro de búsquedas: %(n)d filas de hace más de %(days)d días borradas.",
                    deleted,
                )
                % {"n": deleted, "days": days}
            )
        )
