"""Downloading a file from an outside address safely: http(s) only, no internal addresses, size and time caps.

Each hop resolves the host once, refuses the download if any address is loopback, private,
link-local, multicast, reserved or a cloud-metadata endpoint, and then connects to the address
it checked (so a second DNS answer cannot point the connection elsewhere). Redirects are followed
by hand, at most MAX_REDIRECTS, and each target goes through the same checks.
"""

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urljoin

import urllib3
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from urllib3.exceptions import (
    ConnectTimeoutError,
    HTTPError,
    LocationParseError,
    NewConnectionError,
    ProtocolError,
    ReadTimeoutError,
    SSLError,
)
from urllib3.util import parse_url

MAX_REDIRECTS = 5
REDIRECT_STATUSES = {301, 302, 303, 307, 308}
CHUNK_BYTES = 64 * 1024
DEFAULT_MAX_BYTES = 2 * 1024**3
USER_AGENT = "Acervo/1.0 (descarga de archivos del catálogo)"
# Metadata endpoints of AWS (IPv4 and IPv6), GCP and Azure, and Alibaba Cloud; most fall in
# ranges refused anyway, but they are named so that no future exception lets them through.
METADATA_ADDRESSES = {
    ipaddress.ip_address(address) for address in ("169.254.169.254", "fd00:ec2::254", "100.100.100.200")
}


class FetchError(Exception):
    """A download that failed or was refused; reason is in Spanish, for the admin report."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class FetchResult:
    final_url: str
    size: int
    content_type: str


def fetch_settings():
    """(max_bytes, allowed_hosts) for fetch(), from ACERVO_FETCH_MAX_BYTES and ACERVO_FETCH_ALLOWED_HOSTS."""
    max_bytes = getattr(settings, "ACERVO_FETCH_MAX_BYTES", DEFAULT_MAX_BYTES)
    return max_bytes, tuple(getattr(settings, "ACERVO_FETCH_ALLOWED_HOSTS", ()))


def is_internal(address):
    """True for an address a download must never reach (IPv4 inside IPv6 is judged as IPv4)."""
    if address.version == 6:
        embedded = address.ipv4_mapped or address.sixtofour or (address.teredo and address.teredo[1])
        if embedded and is_internal(embedded):
            return True
    return address in METADATA_ADDRESSES or address.is_multicast or not address.is_global


def _resolve(host, port, allowed):
    """The addresses host resolves to, after refusing every internal one unless host is allowed."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise FetchError(_("no se encontró el servidor «%(host)s»") % {"host": host}) from None
    addresses = list(dict.fromkeys(ipaddress.ip_address(info[4][0].split("%", 1)[0]) for info in infos))
    if host.lower() not in allowed:
        for address in addresses:
            if is_internal(address):
                raise FetchError(
                    _("«%(host)s» lleva a una dirección interna (%(address)s); no se descarga desde ahí")
                    % {"host": host, "address": address}
                )
    return addresses


def _parse(url):
    """(scheme, host, port, request target) of an http(s) URL, or FetchError."""
    try:
        parts = parse_url(url)
    except LocationParseError:
        parts = None
    if parts is None or parts.scheme not in ("http", "https") or not parts.host:
        raise FetchError(_("«%(url)s» no es una dirección http o https válida") % {"url": url})
    host = parts.host.strip("[]")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return parts.scheme, host, port, parts.request_uri


def _network_reason(error, host):
    if isinstance(error, NewConnectionError):
        return _("no se pudo conectar con «%(host)s»") % {"host": host}
    if isinstance(error, ConnectTimeoutError):
        return _("no se pudo conectar con «%(host)s»: tiempo agotado") % {"host": host}
    if isinstance(error, ReadTimeoutError):
        return _("el servidor «%(host)s» dejó de responder: tiempo agotado") % {"host": host}
    if isinstance(error, SSLError):
        return _("la conexión HTTPS con «%(host)s» no es segura (certificado no válido)") % {"host": host}
    if isinstance(error, ProtocolError):
        return _("la conexión con «%(host)s» se cortó durante la descarga") % {"host": host}
    return _("no se pudo descargar de «%(host)s»") % {"host": host}


def _pool(scheme, address, host, port, timeout):
    """A one-connection pool to the pinned address that still speaks to host by name."""
    options = {"timeout": urllib3.Timeout(connect=timeout[0], read=timeout[1]), "maxsize": 1, "retries": False}
    if scheme == "https":
        # Certificate and SNI are checked against the name, while the socket goes to the address.
        return urllib3.HTTPSConnectionPool(
            str(address), port, cert_reqs="CERT_REQUIRED", server_hostname=host, assert_hostname=host, **options
        )
    return urllib3.HTTPConnectionPool(str(address), port, **options)


def _open(url, allowed, timeout):
    """Send GET for url to one of its validated addresses; return (pool, unread response)."""
    scheme, host, port, target = _parse(url)
    default_port = 443 if scheme == "https" else 80
    host_header = (f"[{host}]" if ":" in host else host) + ("" if port == default_port else f":{port}")
    headers = {"Host": host_header, "User-Agent": USER_AGENT, "Accept-Encoding": "identity"}
    failure = None
    for address in _resolve(host, port, allowed):
        pool = _pool(scheme, address, host, port, timeout)
        try:
            response = pool.urlopen(
                "GET", target, headers=headers, redirect=False, preload_content=False, assert_same_host=False
            )
            return pool, response
        except ConnectTimeoutError as error:
            # This address does not answer (e.g. IPv6 on an IPv4-only server); try the next one.
            pool.close()
            failure = error
        except (HTTPError, OSError) as error:
            pool.close()
            raise FetchError(_network_reason(error, host)) from error
    raise FetchError(_network_reason(failure, host)) from failure


def _copy(response, dest_file, max_bytes, host):
    """Stream the body into dest_file, stopping as soon as it passes max_bytes; return the size."""
    size = 0
    chunks = response.stream(CHUNK_BYTES)
    while True:
        try:
            chunk = next(chunks, None)
        except HTTPError as error:
            raise FetchError(_network_reason(error, host)) from error
        if chunk is None:
            return size
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(_("el archivo pasa del máximo de %(max)s") % {"max": filesizeformat(max_bytes)})
        try:
            dest_file.write(chunk)
        except OSError as error:
            reason = _("no se pudo guardar lo descargado: %(error)s") % {"error": error.strerror}
            raise FetchError(reason) from error


def _download(url, dest_file, max_bytes, allowed, timeout):
    for _hop in range(MAX_REDIRECTS + 1):
        pool, response = _open(url, allowed, timeout)
        try:
            if response.status in REDIRECT_STATUSES:
                location = response.headers.get("Location")
                if not location:
                    reason = _("el servidor respondió %(status)s sin decir adónde") % {"status": response.status}
                    raise FetchError(reason)
                url = urljoin(url, location)
                continue
            if not 200 <= response.status < 300:
                raise FetchError(_("el servidor respondió %(status)s") % {"status": response.status})
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(
                    _("el archivo pesa %(size)s; el máximo es %(max)s")
                    % {"size": filesizeformat(int(declared)), "max": filesizeformat(max_bytes)}
                )
            size = _copy(response, dest_file, max_bytes, _parse(url)[1])
            content_type = response.headers.get("Content-Type", "").split(";", 1)[0].strip().lower()
            return FetchResult(final_url=url, size=size, content_type=content_type)
        finally:
            # Close rather than drain: an unread body may be endless.
            response.close()
            pool.close()
    raise FetchError(_("demasiadas redirecciones (más de %(max)s)") % {"max": MAX_REDIRECTS})


def fetch(url, dest_file, *, max_bytes, allowed_hosts=(), timeout=(10, 60)):
    """Download url into the open binary file dest_file and return a FetchResult.

    allowed_hosts: host names (exact, any case) exempt from the internal-address refusal.
    timeout: (connect, read) seconds; read is the longest wait for any bytes.
    Raise FetchError on any failure, leaving dest_file as it was before the call when it can seek.
    """
    allowed = {host.lower() for host in allowed_hosts}
    start = dest_file.tell() if dest_file.seekable() else None
    try:
        return _download(url, dest_file, max_bytes, allowed, timeout)
    except FetchError:
        if start is not None:
            dest_file.seek(start)
            dest_file.truncate()
        raise
