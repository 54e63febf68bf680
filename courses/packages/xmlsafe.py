"""Parsing package XML with defusedxml: no entity declarations, no external entities, no DTD fetches."""

from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from django.utils.translation import gettext as _

from .report import PackageError


def parse(data):
    """The root element with namespaces stripped from tags and attributes (CC 1.1–1.3 differ only in them)."""
    try:
        root = fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise PackageError(_("el XML declara entidades (internas o externas), que no se admiten")) from exc
    except ParseError as exc:
        raise PackageError(_("XML mal formado: %(error)s") % {"error": exc}) from exc
    for element in root.iter():
        if isinstance(element.tag, str) and "}" in element.tag:
            element.tag = element.tag.split("}", 1)[1]
        for key in [key for key in element.attrib if "}" in key]:
            element.attrib[key.split("}", 1)[1]] = element.attrib.pop(key)
    return root


def text(element, default=""):
    return (element.text or "").strip() if element is not None else default
