"""HTTP caching of public Wagtail pages for anonymous visitors."""

from django.conf import settings
from django.utils.cache import patch_cache_control, patch_vary_headers

DEFAULT_MAX_AGE = 300


class AnonymousPageCacheMiddleware:
    """Lets browsers and proxies keep anonymous page views for a few minutes.

    Slow connections gain most from not downloading the same page twice. Only Wagtail-served
    pages are marked (never the admin, forms or the learner's pages), only for visitors without
    a session, and only successful responses that set no cookie.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.max_age = getattr(settings, "ACERVO_PAGE_CACHE_SECONDS", DEFAULT_MAX_AGE)

    def __call__(self, request):
        response = self.get_response(request)
        if self._cacheable(request, response):
            patch_cache_control(response, public=True, max_age=self.max_age)
            patch_vary_headers(response, ["Cookie"])
        return response

    def _cacheable(self, request, response):
        match = getattr(request, "resolver_match", None)
        user = getattr(request, "user", None)
        return (
            self.max_age > 0
            and request.method in ("GET", "HEAD")
            and response.status_code == 200
            and match is not None
            and match.url_name == "wagtail_serve"
            and not response.has_header("Cache-Control")
            and not response.cookies
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and (user is None or not user.is_authenticated)
        )
