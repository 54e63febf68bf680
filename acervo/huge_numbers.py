"""A number too large for the database (a 20-digit id in an address) answers 400 in Spanish, not a 500.

Python's sqlite3 cannot bind an integer beyond 64 bits and raises OverflowError wherever a view
looks a row up by such an id, ours and Wagtail's alike (API v2 detail views, documents, course
routes); catching it once here covers every route. PostgreSQL compares such a number as numeric
and simply finds nothing (404). Query parameters that reach SQL as literals (API v2 `offset`) are
validated by their views (oer/opendata/api.py), since SQLite reports those as a type mismatch.
"""

from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils.translation import gettext as _

from acervo.database_unavailable import wants_json


def too_large_response(request):
    message = _("Un número de la dirección es demasiado grande: no hay nada con ese identificador.")
    if wants_json(request):
        return JsonResponse({"errors": {"numero": message}}, status=400)
    return HttpResponse(loader.render_to_string("bad_number.html", {"message": message}), status=400)


class HugeNumberMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exc):
        if isinstance(exc, OverflowError):
            return too_large_response(request)
        return None
