"""A certificate as an Open Badges 3.0 credential (a W3C Verifiable Credential).

The same credential is served readable (`.json`) and signed (`.jwt`, see courses.credentials);
every URL in it is absolute at the public address so it stands alone.
"""

import uuid

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from acervo import public_address
from courses.credentials import did, status_list, vc_jwt

HOLDER_NAMESPACE = uuid.UUID("3f0b8a52-6f0e-5d5c-9a51-6c1e4b2f7a10")

OB3_CONTEXT = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]


def page_path(code):
    return reverse("certificate", kwargs={"code": code})


def credential_id(code):
    return public_address.absolute(reverse("certificate-json", kwargs={"code": code}))


def jwt_url(code):
    return public_address.absolute(reverse("certificate-jwt", kwargs={"code": code}))


def subject_id(code):
    """An opaque, stable id of the holder of this certificate (no personal data, so it outlives the account).

    Open Badges 3.0 asks for a subject `id` or an `identifier`; after the account is deleted the
    name goes, and this keeps the credential well formed.
    """
    return f"urn:uuid:{uuid.uuid5(HOLDER_NAMESPACE, certificate_key(code))}"


def certificate_key(code):
    return f"acervo:certificado:{code}"


def open_badge(certificate):
    """The OB3 `OpenBadgeCredential` of a certificate."""
    page_url = public_address.absolute(page_path(certificate.code))
    course_path = certificate.course.url if certificate.course else None
    course_url = public_address.absolute(course_path) if course_path else page_url
    subject = {
        "id": subject_id(certificate.code),
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
    badge = {
        "@context": OB3_CONTEXT,
        "id": credential_id(certificate.code),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": certificate.course_title,
        "issuer": {
            "id": did.issuer_did(),
            "type": ["Profile"],
            "name": settings.ACERVO_ISSUER_NAME,
            "url": settings.ACERVO_ISSUER_URL or public_address.absolute("/"),
        },
        "validFrom": certificate.issued_at.isoformat(),
        "credentialSubject": subject,
        "evidence": [{"id": page_url, "type": ["Evidence"], "name": _("Página de verificación")}],
    }
    if certificate.status_index is not None:
        badge["credentialStatus"] = status_list.entry(certificate.status_index)
    return badge


def signed_badge(certificate):
    """The same credential as a VC-JWT signed by the issuer's current key."""
    return vc_jwt.sign(open_badge(certificate), certificate.issued_at)
