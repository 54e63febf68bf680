"""Helpers for the OAI-PMH tests: schema validation and reading responses."""

from pathlib import Path

from lxml import etree

SCHEMA_DIR = Path(__file__).parent / "schemas"
NS = {
    "oai": "http://www.openarchives.org/OAI/2.0/",
    "oai_dc": "http://www.openarchives.org/OAI/2.0/oai_dc/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "lom": "http://ltsc.ieee.org/xsd/LOM",
}

_schema = None


def schema():
    global _schema
    if _schema is None:
        _schema = etree.XMLSchema(etree.parse(str(SCHEMA_DIR / "harvest.xsd")))
    return _schema


def valid_tree(response):
    """Parse an OAI-PMH response and fail with the schema's own message when it is invalid."""
    assert response["Content-Type"].startswith("text/xml")
    tree = etree.fromstring(response.content)
    validator = schema()
    assert validator.validate(tree), validator.error_log.filter_from_errors()
    return tree


def error_code(tree):
    errors = tree.xpath("/oai:OAI-PMH/oai:error/@code", namespaces=NS)
    return errors[0] if errors else None


def texts(tree, path):
    return [node if isinstance(node, str) else node.text for node in tree.xpath(path, namespaces=NS)]
