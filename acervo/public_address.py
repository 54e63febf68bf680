"""The site's public address (ACERVO_BASE_URL): where every absolute URL the site writes starts.

Links written for the outside world (canonical, Open Graph, JSON-LD, sitemap, feeds, OAI-PMH,
credentials, mails) never come from the request's Host header: behind a proxy, on a fresh
`make run` or in a harvester's request it names some other host. See docs/certificados.md.
"""

from typing import NamedTuple
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _


class Address(NamedTuple):
    scheme: str
    hostname: str
    port: int


def base_url():
    """ACERVO_BASE_URL without a trailing slash, e.g. "https://acervo.example.mx"."""
    return settings.ACERVO_BASE_URL.rstrip("/")


def absolute(path):
    """The public absolute URL of a site path ("/recursos/x/"); URLs already absolute pass through."""
    if not path:
        path = "/"
    if path.startswith(("http://", "https://")):
        return path
    if not path.startswith("/"):
        path = "/" + path
    return base_url() + path


def address():
    """Scheme, host name and port of the public address (the port filled in from the scheme)."""
    parts = urlsplit(base_url())
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return Address(parts.scheme, parts.hostname or "", port)


def netloc():
    """Host and port as written in URLs ("127.0.0.1:8000", "acervo.example.mx")."""
    return urlsplit(base_url()).netloc


def problems(url):
    """What is wrong with a value of ACERVO_BASE_URL, in Spanish; empty when it can be used."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return [_("«%(url)s» no es una dirección válida.") % {"url": url}]
    found = []
    if parts.scheme not in ("http", "https") or not parts.hostname:
        found.append(_("debe empezar con http:// o https:// y nombrar un servidor (p. ej. https://acervo.sep.gob.mx)."))
    if parts.username or parts.password:
        found.append(_("no debe llevar usuario ni contraseña."))
    if parts.path.strip("/") or parts.query or parts.fragment:
        found.append(_("debe ser solo el origen, sin ruta, consulta ni fragmento: el sitio se sirve desde la raíz."))
    # Wagtail's site record writes https for port 443 and http for every other port.
    if parts.scheme == "https" and port not in (None, 443):
        found.append(_("https solo puede usarse en el puerto 443 (Wagtail escribiría http:// en otro puerto)."))
    if parts.scheme == "http" and port == 443:
        found.append(_("el puerto 443 es de https (Wagtail escribiría https://)."))
    return found
