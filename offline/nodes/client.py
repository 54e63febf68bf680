"""Reading a source Acervo over HTTP with media.fetch: size cap, timeouts, Spanish errors.

The source's own host is exempt from the internal-address refusal (a node often syncs from the
local network), for this client only: `import_catalog --fetch` keeps its protection.
"""

import json
import tempfile
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from media.fetch import FetchError, fetch, fetch_settings

DEFAULT_MAX_RESPONSE_BYTES = 50 * 1024**2
TIMEOUT = (10, 120)


class SyncError(Exception):
    """A sync that cannot go on; message in Spanish, for the command and the admin."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def normalize_url(url):
    """The source's base URL without a trailing slash, or SyncError when it is not http(s)."""
    parts = urlsplit((url or "").strip())
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
        raise SyncError(_("«%(url)s» no es una dirección http o https válida de un Acervo.") % {"url": url})
    return f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}"


class SourceClient:
    def __init__(self, base_url):
        self.base_url = normalize_url(base_url)
        self.host = urlsplit(self.base_url).hostname
        self.max_file_bytes = fetch_settings()[0]
        self.max_response_bytes = getattr(settings, "ACERVO_SYNC_MAX_RESPONSE_BYTES", DEFAULT_MAX_RESPONSE_BYTES)
        self.requests = 0

    def url(self, path, params=None):
        query = f"?{urlencode(params, doseq=True)}" if params else ""
        return f"{self.base_url}{path}{query}"

    def _fetch(self, url, handle, max_bytes):
        self.requests += 1
        try:
            return fetch(url, handle, max_bytes=max_bytes, allowed_hosts=(self.host,), timeout=TIMEOUT)
        except FetchError as error:
            raise SyncError(_("No se pudo leer %(url)s: %(reason)s.") % {"url": url, "reason": error.reason}) from error

    def get(self, path, params=None):
        """The body of a GET as bytes (at most max_response_bytes)."""
        url = self.url(path, params)
        with tempfile.SpooledTemporaryFile(max_size=1024**2) as handle:
            self._fetch(url, handle, self.max_response_bytes)
            handle.seek(0)
            return handle.read()

    def get_json(self, path, params=None):
        url = self.url(path, params)
        body = self.get(path, params)
        try:
            return json.loads(body)
        except ValueError:
            raise SyncError(
                _("La respuesta de %(url)s no es JSON válido (¿respuesta incompleta o no es un Acervo?).")
                % {"url": url}
            ) from None

    def download(self, path, dest_path):
        """Save a file to dest_path; its size is capped by ACERVO_FETCH_MAX_BYTES."""
        with open(dest_path, "wb") as handle:
            result = self._fetch(self.url(path), handle, self.max_file_bytes)
        return result.size

    def too_big_message(self):
        return filesizeformat(self.max_response_bytes)
