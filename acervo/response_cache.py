"""A short server-side cache of what anonymous visitors read most: search answers and public pages.

Under load most requests are the same anonymous searches and resource pages, and building each
again costs far more than reading it from the shared cache (Redis). Answers are kept for
ACERVO_RESPONSE_CACHE_SECONDS (0 turns this off; production defaults to 60), so a published change
reaches anonymous visitors within that time; signed-in users never see or fill this cache.

Only GET requests of the search API, /buscar/ and Wagtail pages are kept, only for requests without
a session or messages cookie, and only 200 answers that set no cookie and used no CSRF token (a
cached form would carry another visitor's token). See docs/operacion.md.
"""

import hashlib

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpResponse

CACHED_URL_NAMES = {"wagtail_serve", "search", "search-api"}
KEY_PREFIX = "respuesta:"


def _timeout():
    return int(getattr(settings, "ACERVO_RESPONSE_CACHE_SECONDS", 0))


def _anonymous(request):
    return not ({settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name} & request.COOKIES.keys())


def _key(request):
    address = f"{request.get_host()}{request.get_full_path()}"
    return KEY_PREFIX + hashlib.sha256(address.encode()).hexdigest()


def _storable(request, response):
    match = getattr(request, "resolver_match", None)
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and match is not None
        and match.url_name in CACHED_URL_NAMES
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
    )


class AnonymousResponseCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        timeout = _timeout()
        if timeout <= 0 or request.method != "GET" or not _anonymous(request):
            return self.get_response(request)
        key = _key(request)
        stored = cache.get(key)
        if stored is not None:
            status, headers, content = stored
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            return response
        response = self.get_response(request)
        if _storable(request, response):
            cache.set(key, (response.status_code, list(response.items()), response.content), timeout)
        return response
