"""Wagtail's page password form, throttled like log-in: 10 wrong passwords in 15 minutes from one address lock it.

Wagtail posts a password-restricted page's form to /_util/authenticate_with_password/<id>/<page>/
and has no limit of its own, so a short shared password could be guessed quickly. This view sits
on the same address (accounts/urls.py is included before Wagtail's) and counts, per client address
and restriction, the posts Wagtail did not accept; past the log-in limit it answers the same
Spanish 429 page as a locked log-in (docs/seguridad.md).
"""

from django.conf import settings
from django.core.cache import cache
from wagtail.views import authenticate_with_password

from acervo.client_address import client_address

from .views import count_in_window, locked_out


def _key(request, restriction_id):
    return f"page-password:{restriction_id}:{client_address(request)}"


def throttled_authenticate_with_password(request, page_view_restriction_id, page_id):
    key = _key(request, page_view_restriction_id)
    if request.method == "POST" and cache.get(key, 0) >= settings.AXES_FAILURE_LIMIT:
        return locked_out(request)
    response = authenticate_with_password(request, page_view_restriction_id, page_id)
    if request.method == "POST" and response.status_code != 302:  # Wagtail redirects only on success
        count_in_window(key)
    return response
