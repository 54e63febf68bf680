"""Public certificate verification: the HTML page, the Open Badges 3.0 JSON and the printable PDF."""

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from courses import api
from courses.badges import open_badge
from courses.certificate_pdf import render_certificate


def _certificate_or_404(code):
    certificate = api.certificate_by_code(code)
    if certificate is None:
        raise Http404(_("No existe un certificado con ese folio."))
    return certificate


def certificate_page(request, code):
    certificate = _certificate_or_404(code)
    return render(
        request,
        "courses/certificate.html",
        {"certificate": certificate, "verify_url": request.build_absolute_uri(f"/certificados/{code}/")},
    )


def certificate_json(request, code):
    certificate = _certificate_or_404(code)
    response = JsonResponse(open_badge(certificate, request), json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/ld+json; charset=utf-8"
    response["Access-Control-Allow-Origin"] = "*"
    return response


def certificate_pdf(request, code):
    certificate = _certificate_or_404(code)
    pdf = render_certificate(certificate, request.build_absolute_uri(f"/certificados/{code}/"))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="certificado-{code}.pdf"'
    return response
