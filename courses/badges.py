"""A certificate as an Open Badges 3.0 credential (a W3C Verifiable Credential, unsigned)."""

from django.conf import settings
from django.utils.translation import gettext as _

OB3_CONTEXT = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]


def open_badge(certificate, request):
    """The OB3 `OpenBadgeCredential` of a certificate; urls are absolute so it stands alone."""
    page_url = request.build_absolute_uri(f"/certificados/{certificate.code}/")
    course_url = request.build_absolute_uri(certificate.course.url) if certificate.course and certificate.course.url else page_url
    subject = {
        "type": ["AchievementSubject"],
        "achievement": {
            "id": course_url,
            "type": ["Achievement"],
            "achievementType": "Certificate",
            "name": certificate.course_title,
            "description": _("Curso «%(course)s» del itinerario «%(track)s», %(hours)s horas.")
            % {"course": certificate.course_title, "track": certificate.track_title, "hours": certificate.course_hours},
            "criteria": {
                "narrative": _("Completó todas las lecciones obligatorias y aprobó los cuestionarios del curso.")
            },
        },
    }
    # After an account is deleted the credential stays valid but no longer names anyone.
    if certificate.holder_name:
        subject["identifier"] = [
            {
                "type": "IdentityObject",
                "identityType": "name",
                "hashed": False,
                "identityHash": certificate.holder_name,
            }
        ]
    return {
        "@context": OB3_CONTEXT,
        "id": request.build_absolute_uri(f"/certificados/{certificate.code}.json"),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": certificate.course_title,
        "issuer": {
            "id": settings.ACERVO_ISSUER_URL,
            "type": ["Profile"],
            "name": settings.ACERVO_ISSUER_NAME,
        },
        "validFrom": certificate.issued_at.isoformat(),
        "credentialSubject": subject,
        "evidence": [{"id": page_url, "type": ["Evidence"], "name": _("Página de verificación")}],
    }
