"""Send the xAPI statements waiting for the Learning Record Store now, instead of waiting for the worker."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from courses.xapi import outbox


class Command(BaseCommand):
    help = _("Envía al LRS las declaraciones xAPI pendientes (docs/xapi.md).")

    def add_arguments(self, parser):
        parser.add_argument(
            "--now", action="store_true", help=_("Reintentar también las que esperan su próximo intento.")
        )

    def handle(self, *args, **options):
        if not settings.XAPI_LRS_URL:
            raise CommandError(_("XAPI_LRS_URL no está configurado: no hay a dónde enviar las declaraciones."))
        if options["now"]:
            outbox.retry_now()
        sent, waiting = outbox.send()
        self.stdout.write(_("Enviadas: %(sent)d. Pendientes: %(waiting)d.") % {"sent": sent, "waiting": waiting})
        if waiting:
            error = outbox.pending().exclude(last_error="").values_list("last_error", flat=True).first()
            if error:
                self.stdout.write(_("Último error: %(error)s") % {"error": error})
