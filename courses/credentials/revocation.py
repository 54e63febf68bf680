"""Revoking a certificate: its bit is set in the published status list and its page says so.

Deleting the holder's account is not a revocation: the certificate stays valid, without the name.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

REASON_MAX_LENGTH = 500
LOG_ACTION = "courses.certificate_revoked"


class RevocationError(Exception):
    """A revocation that cannot be done; the message is shown as is."""


def clean_reason(reason):
    reason = " ".join((reason or "").split())
    if not reason:
        raise RevocationError(_("Escriba el motivo de la revocación: se muestra en la página de verificación."))
    if len(reason) > REASON_MAX_LENGTH:
        raise RevocationError(
            _("El motivo no debe pasar de %(max)d caracteres (tiene %(n)d).")
            % {"max": REASON_MAX_LENGTH, "n": len(reason)}
        )
    return reason


def revoke(code, reason, user=None):
    """Revoke the certificate with this code; returns it. Raises RevocationError when it cannot."""
    from wagtail.log_actions import log

    from courses.models import Certificate

    reason = clean_reason(reason)
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().filter(code=(code or "").strip()).first()
        if certificate is None:
            raise RevocationError(_("No existe un certificado con el folio «%(code)s».") % {"code": code})
        if certificate.revoked_at is not None:
            raise RevocationError(
                _("El certificado %(code)s ya estaba revocado desde el %(date)s.")
                % {
                    "code": certificate.code,
                    "date": timezone.localtime(certificate.revoked_at).strftime("%d/%m/%Y %H:%M"),
                }
            )
        certificate.revoked_at = timezone.now()
        certificate.revocation_reason = reason
        certificate.save(update_fields=["revoked_at", "revocation_reason"])
        log(certificate, LOG_ACTION, user=user, data={"reason": reason})
    return certificate
