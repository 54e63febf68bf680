"""Public certificate verification: the HTML page, the Open Badges 3.0 credential (readable JSON,
signed VC-JWT and a badge PNG carrying it), the printable PDF, the issuer's DID document and the
revocation status lists."""

import logging
from functools import wraps

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from acervo import public_address
from courses import api
from courses.badges import jwt_url, open_badge, page_path, signed_badge
from courses.certificate_pdf import render_certificate
from courses.credentials import baked_png, did, keys, status_list, vc_jwt

logger = logging.getLogger(__name__)

JSON_PARAMS = {"ensure_ascii": False}


def _needs_signing_key(view):
    """Without a usable signing key nothing can be signed: say so (503) instead of failing with a 500."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except keys.SigningKeyError:
            logger.exception("Certificate signing key unavailable")
            return HttpResponse(
                _("La firma de certificados no está disponible: falta configurar la clave de firma del sitio."),
                status=503,
                content_type="text/plain; charset=utf-8",
            )

    return wrapper


def _certificate_or_404(code):
    certificate = api.certificate_by_code(code)
    if certificate is None:
        raise Http404(_("No existe un certificado con ese folio."))
    return certificate


def _shared(response, max_age=None):
    """Credentials are read by verifiers and wallets on other sites."""
    response["Access-Control-Allow-Origin"] = "*"
    if max_age is not None:
        response["Cache-Control"] = f"public, max-age={max_age}"
    return response


@require_safe
def certificate_page(request, code):
    certificate = _certificate_or_404(code)
    return render(
        request,
        "courses/certificate.html",
        {
            "certificate": certificate,
            "verify_url": public_address.absolute(page_path(code)),
            "jwt_url": jwt_url(code),
            "issuer_did": did.issuer_did(),
        },
    )


@require_safe
def certificate_json(request, code):
    certificate = _certificate_or_404(code)
    response = JsonResponse(open_badge(certificate), json_dumps_params=JSON_PARAMS)
    response["Content-Type"] = "application/ld+json; charset=utf-8"
    # The readable credential points at its signed form.
    response["Link"] = f'<{jwt_url(code)}>; rel="alternate"; type="{vc_jwt.MEDIA_TYPE}"'
    return _shared(response)


@require_safe
@_needs_signing_key
def certificate_jwt(request, code):
    certificate = _certificate_or_404(code)
    response = HttpResponse(signed_badge(certificate), content_type=vc_jwt.MEDIA_TYPE)
    response["Content-Disposition"] = f'inline; filename="certificado-{code}.jwt"'
    return _shared(response)


@require_safe
@_needs_signing_key
def certificate_png(request, code):
    certificate = _certificate_or_404(code)
    png = baked_png.render(signed_badge(certificate), certificate.course_title, certificate.code)
    response = HttpResponse(png, content_type="image/png")
    response["Content-Disposition"] = f'inline; filename="insignia-{code}.png"'
    return response


@require_safe
def certificate_pdf(request, code):
    certificate = _certificate_or_404(code)
    pdf = render_certificate(certificate, public_address.absolute(page_path(code)))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="certificado-{code}.pdf"'
    return response


@require_safe
@_needs_signing_key
def did_document(request):
    response = JsonResponse(did.document(), json_dumps_params=JSON_PARAMS, content_type="application/did+json")
    return _shared(response, max_age=status_list.TTL_SECONDS)


@require_safe
@_needs_signing_key
def revocation_list(request, number):
    if number >= status_list.lists_in_use():
        raise Http404(_("No existe esa lista de estado."))
    response = HttpResponse(status_list.signed(number), content_type=vc_jwt.MEDIA_TYPE)
    return _shared(response, max_age=status_list.TTL_SECONDS)
