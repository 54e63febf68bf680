"""The client's address as seen through a known number of reverse proxies (log-in throttling uses it)."""

from django.conf import settings


def client_address(request):
    """REMOTE_ADDR, or the address the outermost trusted proxy saw when ACERVO_TRUSTED_PROXY_COUNT > 0.

    Each trusted proxy appends the address it received from to X-Forwarded-For, so with N proxies
    the N-th entry from the right is the client; anything left of it was written by the client and
    is ignored. Without trusted proxies the header is never read.
    """
    count = settings.ACERVO_TRUSTED_PROXY_COUNT
    if count > 0:
        hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
        if len(hops) >= count:
            return hops[-count]
    return request.META.get("REMOTE_ADDR")
