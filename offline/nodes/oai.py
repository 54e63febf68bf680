"""The OAI-PMH side of a sync: is the source an Acervo, and one page of ListIdentifiers."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from lxml import etree

from .client import SyncError

OAI = "{http://www.openarchives.org/OAI/2.0/}"
PREFIX = "oai_dc"
NODE_FORMAT = "acervo-nodo"


@dataclass
class Header:
    external_id: str
    datestamp: str
    deleted: bool


@dataclass
class Page:
    response_date: str
    headers: list = field(default_factory=list)
    token: str = ""
    complete_size: int | None = None
    error_code: str = ""
    error_message: str = ""


def _parse(body, url):
    try:
        root = etree.fromstring(body, parser=etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        raise SyncError(
            _("La respuesta de %(url)s no es XML válido: está incompleta o no es un servidor OAI-PMH.") % {"url": url}
        ) from None
    if root.tag != f"{OAI}OAI-PMH":
        raise SyncError(_("%(url)s no respondió como un servidor OAI-PMH.") % {"url": url})
    return root


def check_source(client):
    """Refuse anything but an Acervo: an OAI-PMH 2.0 repository that also publishes the node export."""
    url = client.url("/oai/", {"verb": "Identify"})
    root = _parse(client.get("/oai/", {"verb": "Identify"}), url)
    identify = root.find(f"{OAI}Identify")
    if identify is None or identify.findtext(f"{OAI}protocolVersion") != "2.0":
        raise SyncError(_("%(url)s no respondió a Identify como un repositorio OAI-PMH 2.0.") % {"url": url})
    descriptor_url = client.url("/nodos/")
    try:
        descriptor = client.get_json("/nodos/")
    except SyncError:
        descriptor = None
    if not isinstance(descriptor, dict) or descriptor.get("formato") != NODE_FORMAT:
        raise SyncError(
            _("%(url)s es un repositorio OAI-PMH pero no un Acervo: no publica %(descriptor)s.")
            % {"url": client.base_url, "descriptor": descriptor_url}
        )
    return identify.findtext(f"{OAI}repositoryName") or client.base_url


def list_identifiers(client, token="", since="", level=""):
    params = {"verb": "ListIdentifiers"}
    if token:
        params["resumptionToken"] = token
    else:
        params["metadataPrefix"] = PREFIX
        if since:
            params["from"] = since
        if level:
            params["set"] = f"level:{level}"
    url = client.url("/oai/", params)
    root = _parse(client.get("/oai/", params), url)
    page = Page(response_date=root.findtext(f"{OAI}responseDate") or "")
    error = root.find(f"{OAI}error")
    if error is not None:
        page.error_code, page.error_message = error.get("code", ""), (error.text or "").strip()
        return page
    listing = root.find(f"{OAI}ListIdentifiers")
    if listing is None or not page.response_date:
        raise SyncError(_("La respuesta de %(url)s no trae ListIdentifiers.") % {"url": url})
    for header in listing.findall(f"{OAI}header"):
        identifier = header.findtext(f"{OAI}identifier") or ""
        parts = identifier.split(":", 2)
        if len(parts) != 3 or parts[0] != "oai" or not parts[2]:
            raise SyncError(
                _("Identificador OAI no válido en %(url)s: «%(id)s».") % {"url": url, "id": identifier[:80]}
            )
        page.headers.append(
            Header(parts[2], header.findtext(f"{OAI}datestamp") or "", header.get("status") == "deleted")
        )
    token_element = listing.find(f"{OAI}resumptionToken")
    if token_element is not None:
        page.token = (token_element.text or "").strip()
        size = token_element.get("completeListSize", "")
        page.complete_size = int(size) if size.isdigit() else None
    elif page.headers:
        page.complete_size = None
    return page
