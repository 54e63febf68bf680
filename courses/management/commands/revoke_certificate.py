"""`manage.py revoke_certificate CODE --reason "…"`: revoke a certificate for good."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.credentials.revocation import RevocationError, revoke


class Command(BaseCommand):
    help = _(
        "Revoca un certificado: su página de verificación dice «Revocada» con la fecha y el motivo, y la lista de "
        "estado firmada lo marca, así que ningún verificador lo acepta. No se puede deshacer."
    )

    def add_arguments(self, parser):
        parser.add_argument("code", help=_("Folio del certificado (el que aparece en su dirección de verificación)."))
        parser.add_argument("--reason", required=True, help=_("Motivo de la revocación; se publica en la página."))

    def handle(self, *args, code, reason, **options):
        try:
            certificate = revoke(code, reason)
        except RevocationError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            self.style.SUCCESS(
                _("Certificado %(code)s revocado el %(date)s. Motivo: %(reason)s")
                % {
                    "code": certificate.code,
                    "date": timezone.localtime(certificate.revoked_at).strftime("%d/%m/%Y %H:%M"),
                    "reason": certificate.revocation_reason,
                }
            )
        )
