"""The printable certificate: one landscape page with a QR code to its verification page."""

import io

import qrcode
from django.conf import settings
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas


def _qr_image(url):
    image = qrcode.make(url, border=1)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    buffer.seek(0)
    return ImageReader(buffer)


def render_certificate(certificate, verify_url):
    """PDF bytes of the certificate."""
    buffer = io.BytesIO()
    width, height = landscape(A4)
    pdf = canvas.Canvas(buffer, pagesize=(width, height))
    pdf.setTitle(_("Certificado %(code)s") % {"code": certificate.code})
    pdf.setAuthor(settings.ACERVO_ISSUER_NAME)

    pdf.setStrokeColorRGB(0.42, 0.11, 0.23)
    pdf.setLineWidth(4)
    pdf.rect(1.2 * cm, 1.2 * cm, width - 2.4 * cm, height - 2.4 * cm)

    center = width / 2
    pdf.setFont("Helvetica", 14)
    pdf.drawCentredString(center, height - 3.5 * cm, settings.ACERVO_ISSUER_NAME)
    pdf.setFont("Helvetica-Bold", 30)
    pdf.drawCentredString(center, height - 5.5 * cm, _("Constancia de acreditación"))
    pdf.setFont("Helvetica", 14)
    pdf.drawCentredString(center, height - 7.2 * cm, _("Se hace constar que"))
    pdf.setFont("Helvetica-Bold", 22)
    pdf.drawCentredString(center, height - 8.6 * cm, certificate.holder_name or _("(titular anónimo)"))
    pdf.setFont("Helvetica", 14)
    pdf.drawCentredString(center, height - 10 * cm, _("acreditó el curso"))
    pdf.setFont("Helvetica-Bold", 18)
    pdf.drawCentredString(center, height - 11.3 * cm, certificate.course_title)
    pdf.setFont("Helvetica", 12)
    issued = formats.date_format(timezone.localtime(certificate.issued_at), "j \\d\\e F \\d\\e Y")
    pdf.drawCentredString(
        center,
        height - 12.6 * cm,
        _("Itinerario: %(track)s · %(hours)s horas · %(date)s")
        % {"track": certificate.track_title, "hours": certificate.course_hours, "date": issued},
    )

    qr_size = 4 * cm
    pdf.drawImage(_qr_image(verify_url), width - 2 * cm - qr_size, 2 * cm, qr_size, qr_size)
    pdf.setFont("Helvetica", 10)
    pdf.drawString(2 * cm, 2.8 * cm, _("Folio: %(code)s") % {"code": certificate.code})
    pdf.drawString(2 * cm, 2.2 * cm, _("Verifique en: %(url)s") % {"url": verify_url})
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
