"""`/paquetes/<nivel>-<grado>.zip`: the grade's stored pack, streamed from storage."""

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.utils.translation import gettext as _

from .builds import grade_errors
from .models import OfflinePack


def download(request, level, grade):
    grade = int(grade)
    if grade_errors(level, grade):
        raise Http404(_("No existe ese grado."))
    pack = OfflinePack.objects.filter(level=level, grade=grade).first()
    if pack is None or not pack.is_downloadable or not default_storage.exists(pack.file.name):
        raise Http404(_("El paquete de este grado se está preparando; vuelve a intentarlo más tarde."))
    response = FileResponse(
        default_storage.open(pack.file.name, "rb"),
        as_attachment=True,
        filename=pack.download_name,
        content_type="application/zip",
    )
    response["Content-Length"] = str(pack.size_bytes)
    response["ETag"] = f'"{pack.sha256}"'
    response["Cache-Control"] = "public, max-age=300"
    return response
