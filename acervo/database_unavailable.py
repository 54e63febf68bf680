"""A lost database connection answers 503 with a Spanish message instead of a 500 and its trace.

When PostgreSQL restarts, fails over or a network cut drops the connection in the middle of a
request, Django raises `OperationalError` or `InterfaceError`. Writes are inside
`transaction.atomic`, so the database rolls back whatever the request had begun; Django drops the
broken connection when the request ends and the next request opens a new one. The client only has
to retry, which is what a 503 with `Retry-After` tells it (docs/operacion.md).

Two entry points share one answer: the middleware catches the error raised by a view, and
`server_error` (the `handler500` of acervo/urls.py) catches it when a middleware raised it.
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils.translation import gettext as _
from django.views import defaults

logger = logging.getLogger(__name__)

DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 5


def is_database_unavailable(exc):
    return isinstance(exc, DATABASE_ERRORS)


def wants_json(request):
    return request.path.startswith("/api/") or request.headers.get("Accept", "").startswith("application/json")


def unavailable_response(request, exc):
    """The 503: JSON under /api/ (the API's error shape), a page without database lookups elsewhere."""
    logger.warning("Database unavailable during %s %s: %s", request.method, request.path, exc)
    message = _("El servicio no está disponible por un momento. Intente de nuevo en unos segundos.")
    if wants_json(request):
        response = JsonResponse({"errors": {"detail": message}}, status=503)
    else:
        # Rendered without the request: context processors could query the database again.
        response = HttpResponse(loader.render_to_string("database_unavailable.html", {"message": message}), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exc):
        if is_database_unavailable(exc):
            return unavailable_response(request, exc)
        return None


def server_error(request, template_name=defaults.ERROR_500_TEMPLATE_NAME):
    """Django's 500 view, except for a lost database connection raised outside a view."""
    exc = sys.exc_info()[1]
    if is_database_unavailable(exc):
        return unavailable_response(request, exc)
    return defaults.server_error(request, template_name)
