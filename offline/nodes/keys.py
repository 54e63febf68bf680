"""Node keys: how a node proves to its source that it may read quiz answers.

The source lists the keys it accepts in ACERVO_NODE_KEYS (comma separated); a node holds its own in
ACERVO_SYNC_KEY. The key itself never travels: the node sends `?nodo=<unix time>.<HMAC-SHA256 of
"<time>:<path>" under the key>`, valid for SIGNATURE_TTL seconds and for that path only.
"""

import hashlib
import hmac
import time

from django.conf import settings

PARAM = "nodo"
SIGNATURE_TTL = 300


def accepted_keys():
    raw = getattr(settings, "ACERVO_NODE_KEYS", "") or ""
    if isinstance(raw, (list, tuple)):
        raw = ",".join(raw)
    return [key.strip() for key in raw.split(",") if key.strip()]


def sync_key():
    return (getattr(settings, "ACERVO_SYNC_KEY", "") or "").strip()


def _digest(key, stamp, path):
    return hmac.new(key.encode(), f"{stamp}:{path}".encode(), hashlib.sha256).hexdigest()


def sign(key, path, now=None):
    stamp = int(now if now is not None else time.time())
    return f"{stamp}.{_digest(key, stamp, path)}"


def is_node_request(request):
    """True when the request carries a fresh signature of its path under one of the accepted keys."""
    value = request.GET.get(PARAM, "")
    stamp, _dot, signature = value.partition(".")
    if not stamp.isdigit() or not signature:
        return False
    if abs(time.time() - int(stamp)) > SIGNATURE_TTL:
        return False
    return any(hmac.compare_digest(_digest(key, int(stamp), request.path), signature) for key in accepted_keys())
