"""A JSON 404 for any /api/ address no app answers, so API clients never get an HTML page."""

from django.http import HttpResponsePermanentRedirect, JsonResponse
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _


def api_not_found(request, *args, **kwargs):
    # Keep Django's APPEND_SLASH behaviour for real endpoints typed without the final slash.
    if not request.path.endswith("/"):
        try:
            match = resolve(request.path + "/")
        except Resolver404:
            match = None
        if match is not None and match.func is not api_not_found:
            query = request.META.get("QUERY_STRING", "")
            return HttpResponsePermanentRedirect(request.path + "/" + (f"?{query}" if query else ""))
    return JsonResponse({"errors": {"detail": _("No existe esta dirección de la API.")}}, status=404)
