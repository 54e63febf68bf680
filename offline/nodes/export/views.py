"""`/nodos/…`: what a community node reads besides OAI-PMH; read-only JSON, published content only."""

from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from courses.models import CoursePage

from .. import keys
from . import courses, resources

FORMAT = "acervo-nodo"
VERSION = 1


@require_safe
def descriptor(request):
    """Says this is an Acervo that nodes can mirror, and where each part lives."""
    return JsonResponse(
        {
            "formato": FORMAT,
            "version": VERSION,
            "oai": "/oai/",
            "recursos": "/nodos/recursos.json",
            "cursos": "/nodos/cursos.json",
            "archivo": "/recursos/<slug>/archivo",
        }
    )


@require_safe
def resource_records(request):
    ids = [value for value in request.GET.getlist("id") if value]
    if not ids:
        return JsonResponse({"errors": {"id": _("Indica al menos un external_id con ?id=…")}}, status=400)
    if len(ids) > resources.MAX_IDS:
        message = _("Se piden a lo sumo %(n)d recursos por consulta.") % {"n": resources.MAX_IDS}
        return JsonResponse({"errors": {"id": message}}, status=400)
    return JsonResponse({"records": resources.records_for(ids)})


@require_safe
def course_catalogue(request):
    return JsonResponse({"tracks": courses.catalogue()})


@require_safe
def course(request, slug):
    page = CoursePage.objects.live().public().filter(slug=slug).specific().first()
    if page is None:
        raise Http404
    return JsonResponse(courses.course_detail(page, with_answers=keys.is_node_request(request)))
