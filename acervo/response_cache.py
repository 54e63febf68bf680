"""A short server-side cache of what anonymous visitors read most: search answers and public pages.

Under load most requests are the same anonymous searches and resource pages, and building each
again costs far more than reading it from the shared cache (Redis). Answers are kept for
ACERVO_RESPONSE_CACHE_SECONDS (0 turns this off; production defaults to 60), so a published change
reaches anonymous visitors within that time; signed-in users never see or fill this cache.

Only GET requests of the search API, /buscar/ and Wagtail pages are kept, only for requests without
a session or messages cookie, and only 200 answers that set no cookie and used no CSRF token (a
cached form would carry another visitor's token). See docs/operacion.md.

A stored answer skips the view, so work that must happen on every request (counting a search for
Informes → Búsquedas) is named on the response in `ON_CACHE_HIT` as (dotted path, args) pairs,
kept with the answer and run again on each hit.
"""

import hashlib
import logging

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

CACHED_URL_NAMES = {"wagtail_serve", "search", "search-api"}
KEY_PREFIX = "respuesta:"
ON_CACHE_HIT = "on_cache_hit"


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
            status, headers, content, *replays = stored
            _replay(replays[0] if replays else ())
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            return response
        response = self.get_response(request)
        if _storable(request, response):
            replays = tuple(getattr(response, ON_CACHE_HIT, ()))
            cache.set(key, (response.status_code, list(response.items()), response.content, replays), timeout)
        return response


def _replay(calls):
    for path, args in calls:
        try:
            import_string(path)(*args)
        except Exception:  # the stored answer is still good; the failure is in the log
            logger.exception("could not run %s for a cached answer", path)
