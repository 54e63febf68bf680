"""The Learning Record Store's statements resource, over HTTP with basic authentication."""

import base64
import json
import urllib.error
import urllib.request

from django.conf import settings

from courses.xapi.statements import VERSION

TIMEOUT_SECONDS = 30


class LrsUnavailable(Exception):
    """The LRS could not be reached, or answered with an error that a later try may not get."""


def _endpoint():
    return settings.XAPI_LRS_URL.rstrip("/") + "/statements"


def post(payloads):
    """POST a list of statements; returns the HTTP status (2xx stored, 409 a conflicting id, 400 refused).

    Raises LrsUnavailable when the LRS is down, refuses the credentials or fails on its side.
    """
    credentials = f"{settings.XAPI_LRS_USERNAME}:{settings.XAPI_LRS_PASSWORD}".encode()
    request = urllib.request.Request(
        _endpoint(),
        data=json.dumps(payloads).encode(),
        method="POST",
        headers={
            "Authorization": "Basic " + base64.b64encode(credentials).decode(),
            "Content-Type": "application/json",
            "X-Experience-API-Version": VERSION,
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        if exc.code in (400, 409):
            return exc.code
        raise LrsUnavailable(f"HTTP {exc.code}: {exc.read(500).decode(errors='replace')}") from exc
    except (urllib.error.URLError, OSError) as exc:
        raise LrsUnavailable(str(getattr(exc, "reason", exc))) from exc
