"""`manage.py publish_open_data`: write today's dated catalogue dumps served at /datos/."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from oer.opendata import dumps


class Command(BaseCommand):
    help = _("Publica en /datos/ la descarga del catálogo del día en JSON Lines y CSV (conserva las últimas).")

    def handle(self, *args, **options):
        dump = dumps.publish()
        for fmt in dumps.FORMATS:
            self.stdout.write(
                _("%(path)s: %(n)d recursos.") % {"path": dumps.path_for(dump.date, fmt), "n": dump.count}
            )
