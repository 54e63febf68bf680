"""Metadata formats disseminated over OAI-PMH: Dublin Core (oai_dc) and IEEE LOM (lom).

Both are built from the catalogue record of a resource (oer.catalog.mapping) with the facts of
its stored file (oer.catalog.exporter.file_facts), so harvesters see exactly what the open-data
dump holds.
"""

import mimetypes
from dataclasses import dataclass
from urllib.parse import urlparse

from lxml import etree

from oer import taxonomy

XSI = "http://www.w3.org/2001/XMLSchema-instance"
DC = "http://purl.org/dc/elements/1.1/"
OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
LOM = "http://ltsc.ieee.org/xsd/LOM"

# DCMI Type vocabulary for each resource type, so generic harvesters can classify them.
DCMI_TYPES = {
    "textbook": "Text",
    "video": "MovingImage",
    "audio": "Sound",
    "teacher_guide": "Text",
    "weekly_plan": "Text",
    "activity": "InteractiveResource",
}

# LOM 5.2 learningResourceType and 5.5 intendedEndUserRole (LOMv1.0 vocabulary).
LOM_RESOURCE_TYPES = {
    "textbook": "narrative text",
    "video": "lecture",
    "audio": "lecture",
    "teacher_guide": "narrative text",
    "weekly_plan": "lecture",
    "activity": "exercise",
}
LOM_ROLES = {"alumno": "learner", "docente": "teacher", "familia": "learner"}
LOM_CONTEXTS = {"media-superior": "higher education", "educacion-para-adultos": "training"}


@dataclass(frozen=True)
class MetadataFormat:
    prefix: str
    schema: str
    namespace: str
    build: object  # callable(record, url) -> lxml element


def _file_format(record):
    """The MIME type of the stored file when Acervo holds one, else a guess from file_url."""
    if record.get("mime_type"):
        return record["mime_type"]
    if not record["file_url"]:
        return None
    return mimetypes.guess_type(urlparse(record["file_url"]).path)[0]


def _sub(parent, tag, text=None, **attrs):
    element = etree.SubElement(parent, tag, **attrs)
    if text is not None:
        element.text = str(text)
    return element


def build_oai_dc(record, url):
    root = etree.Element(
        f"{{{OAI_DC}}}dc",
        nsmap={"oai_dc": OAI_DC, "dc": DC, "xsi": XSI},
        attrib={f"{{{XSI}}}schemaLocation": f"{OAI_DC} http://www.openarchives.org/OAI/2.0/oai_dc.xsd"},
    )
    dc = lambda tag, text: _sub(root, f"{{{DC}}}{tag}", text)  # noqa: E731
    dc("title", record["title"])
    for author in record["authors"] or []:
        dc("creator", author)
    for vocabulary, key in (("field", "fields"), ("subject", "subjects"), ("axis", "axes")):
        for slug in record[key] or []:
            dc("subject", taxonomy.VOCABULARIES[vocabulary].label(slug))
    for keyword in record["keywords"] or []:
        dc("subject", keyword)
    if record["description"]:
        dc("description", record["description"])
    if record["publisher"]:
        dc("publisher", record["publisher"])
    if record["year"]:
        dc("date", record["year"])
    dc("type", DCMI_TYPES.get(record["type"], "Text"))
    dc("type", taxonomy.RESOURCE_TYPES.label(record["type"]))
    file_format = _file_format(record)
    if file_format:
        dc("format", file_format)
    dc("identifier", url)
    if record["file_url"]:
        dc("identifier", record["file_url"])
    dc("language", record["language"])
    for level in record["levels"] or []:
        dc("coverage", taxonomy.LEVELS.label(level))
    dc("rights", taxonomy.LICENSES.label(record["license"]))
    license_url = taxonomy.LICENSE_URLS.get(record["license"])
    if license_url:
        dc("rights", license_url)
    return root


def build_lom(record, url):
    root = etree.Element(
        f"{{{LOM}}}lom",
        nsmap={None: LOM, "xsi": XSI},
        attrib={f"{{{XSI}}}schemaLocation": f"{LOM} http://ltsc.ieee.org/xsd/lomv1.0/lom.xsd"},
    )
    lang = record["language"]

    def node(parent, tag):
        return _sub(parent, f"{{{LOM}}}{tag}")

    def text(parent, tag, value):
        holder = node(parent, tag)
        _sub(holder, f"{{{LOM}}}string", value, language=lang)
        return holder

    def vocab(parent, tag, value, source="LOMv1.0"):
        holder = node(parent, tag)
        _sub(holder, f"{{{LOM}}}source", source)
        _sub(holder, f"{{{LOM}}}value", value)
        return holder

    general = node(root, "general")
    identifier = node(general, "identifier")
    _sub(identifier, f"{{{LOM}}}catalog", "acervo")
    _sub(identifier, f"{{{LOM}}}entry", record["external_id"])
    text(general, "title", record["title"])
    _sub(general, f"{{{LOM}}}language", lang)
    if record["description"]:
        text(general, "description", record["description"])
    for keyword in record["keywords"] or []:
        text(general, "keyword", keyword)

    life_cycle = node(root, "lifeCycle")
    for role, names in (
        ("author", record["authors"] or []),
        ("publisher", [record["publisher"]] if record["publisher"] else []),
    ):
        for name in names:
            contribute = node(life_cycle, "contribute")
            vocab(contribute, "role", role)
            _sub(contribute, f"{{{LOM}}}entity", f"BEGIN:VCARD\nVERSION:3.0\nFN:{name}\nEND:VCARD")
            if record["year"]:
                date = node(contribute, "date")
                _sub(date, f"{{{LOM}}}dateTime", record["year"])

    technical = node(root, "technical")
    file_format = _file_format(record)
    if file_format:
        _sub(technical, f"{{{LOM}}}format", file_format)
    if record.get("file_size_bytes") is not None:
        _sub(technical, f"{{{LOM}}}size", str(record["file_size_bytes"]))  # LOM 4.2: bytes, as digits
    _sub(technical, f"{{{LOM}}}location", url)
    if record["file_url"]:
        _sub(technical, f"{{{LOM}}}location", record["file_url"])
    if record.get("duration_seconds"):
        duration = node(technical, "duration")
        _sub(duration, f"{{{LOM}}}duration", f"PT{record['duration_seconds']}S")

    educational = node(root, "educational")
    vocab(educational, "learningResourceType", LOM_RESOURCE_TYPES.get(record["type"], "narrative text"))
    for role in dict.fromkeys(LOM_ROLES[slug] for slug in record["audience"] or [] if slug in LOM_ROLES):
        vocab(educational, "intendedEndUserRole", role)
    for level in record["levels"] or []:
        vocab(educational, "context", LOM_CONTEXTS.get(level, "school"))
    _sub(educational, f"{{{LOM}}}language", lang)

    rights = node(root, "rights")
    vocab(rights, "cost", "no")
    vocab(rights, "copyrightAndOtherRestrictions", "yes")
    license_text = taxonomy.LICENSES.label(record["license"])
    license_url = taxonomy.LICENSE_URLS.get(record["license"])
    text(rights, "description", f"{license_text} {license_url}" if license_url else license_text)

    # The NEM curriculum travels as classification taxon paths (level/grade and formative field).
    for purpose, vocabulary, slugs in (
        ("educational level", taxonomy.LEVELS, record["levels"] or []),
        ("discipline", taxonomy.FIELDS, record["fields"] or []),
        ("discipline", taxonomy.SUBJECTS, record["subjects"] or []),
    ):
        for slug in slugs:
            classification = node(root, "classification")
            vocab(classification, "purpose", purpose)
            taxon_path = node(classification, "taxonPath")
            text(taxon_path, "source", "Nueva Escuela Mexicana (SEP)")
            taxon = node(taxon_path, "taxon")
            _sub(taxon, f"{{{LOM}}}id", f"{vocabulary.name}:{slug}")
            text(taxon, "entry", vocabulary.label(slug))
    return root


FORMATS = {
    "oai_dc": MetadataFormat("oai_dc", "http://www.openarchives.org/OAI/2.0/oai_dc.xsd", OAI_DC, build_oai_dc),
    "lom": MetadataFormat("lom", "http://ltsc.ieee.org/xsd/lomv1.0/lom.xsd", LOM, build_lom),
}
