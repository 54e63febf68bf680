"""Django REST framework pieces whose refusals speak Spanish, like the rest of the API.

DRF builds two of its messages from untranslated strings: the CSRF refusal of session
authentication and the JSON parser's error. These subclasses only replace the message.
"""

from django.utils.translation import gettext as _
from drf_spectacular.authentication import SessionScheme
from rest_framework import authentication, exceptions, parsers


class SessionAuthentication(authentication.SessionAuthentication):
    def enforce_csrf(self, request):
        try:
            super().enforce_csrf(request)
        except exceptions.PermissionDenied:
            raise exceptions.PermissionDenied(
                _("Falta el token CSRF o no es válido: recarga la página e inténtalo de nuevo.")
            ) from None


class SessionAuthenticationScheme(SessionScheme):
    """The OpenAPI schema still documents the session cookie for the subclass."""

    target_class = "acervo.drf.SessionAuthentication"


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except exceptions.ParseError:
            raise exceptions.ParseError(_("El cuerpo de la petición no es JSON válido.")) from None
