"""The /datos/ pages: the list of dated dumps with their README, and the downloads."""

import datetime

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_safe

from oer import taxonomy

from . import dumps
from .fields import documented_fields

DEFAULT_LICENSE = "cc-by-4.0"


def data_license():
    slug = getattr(settings, "ACERVO_OPEN_DATA_LICENSE", DEFAULT_LICENSE)
    return {"slug": slug, "label": taxonomy.LICENSES.label(slug), "url": taxonomy.LICENSE_URLS.get(slug, "")}


def _context():
    return {
        "dumps": dumps.available(),
        "today": timezone.localdate(),
        "formats": dumps.FORMATS,
        "fields": documented_fields(),
        "license": data_license(),
        "resource_licenses": [
            (term.slug, term.label, taxonomy.LICENSE_URLS.get(term.slug, "")) for term in taxonomy.LICENSES
        ],
    }


@require_safe
def index(request):
    return render(request, "oer/opendata/index.html", _context())


@require_safe
def readme(request):
    text = render_to_string("oer/opendata/LEEME.txt", _context(), request=request)
    return HttpResponse(text, content_type="text/plain; charset=utf-8")


@require_safe
def download(request, date, fmt):
    try:
        day = datetime.date.fromisoformat(date)
    except ValueError as exc:
        raise Http404 from exc
    dump = dumps.get_or_publish(day)
    if dump is None:
        raise Http404
    response = FileResponse(
        open(dumps.path_for(day, fmt), "rb"),
        content_type=dumps.CONTENT_TYPES[fmt],
        as_attachment=True,
        filename=dump.filename(fmt),
    )
    response["Cache-Control"] = "public, max-age=3600"
    return response
