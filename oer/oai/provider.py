"""The OAI-PMH 2.0 protocol: argument checking, the six verbs and the error conditions."""

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.db.models import Min, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from lxml import etree

from acervo import public_address
from media.models import StoredFile
from oer import taxonomy
from oer.catalog.exporter import file_facts
from oer.catalog.mapping import page_to_record
from oer.visibility import published_resources

from . import records, tokens
from .formats import FORMATS, XSI
from .models import OaiRecord

OAI = "http://www.openarchives.org/OAI/2.0/"
OAI_SCHEMA = "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"
DEFAULT_PAGE_SIZE = 100

# verb -> (required arguments, optional arguments); resumptionToken is handled apart because
# it is exclusive: it may only come alone (besides the verb).
VERBS = {
    "Identify": (set(), set()),
    "ListMetadataFormats": (set(), {"identifier"}),
    "ListSets": (set(), set()),
    "ListIdentifiers": ({"metadataPrefix"}, {"from", "until", "set"}),
    "ListRecords": ({"metadataPrefix"}, {"from", "until", "set"}),
    "GetRecord": ({"identifier", "metadataPrefix"}, set()),
}
RESUMABLE = {"ListSets", "ListIdentifiers", "ListRecords"}
DAY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SECOND_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
# Characters XML cannot carry at all; an argument holding one could not even be echoed back.
NOT_XML_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Shapes the schema gives these arguments when echoed in <request>.
SET_SPEC_RE = re.compile(r"^[A-Za-z0-9\-_.!~*'()]+(:[A-Za-z0-9\-_.!~*'()]+)*$")
PREFIX_RE = re.compile(r"^[A-Za-z0-9\-_.!~*'()]+$")


class OaiError(Exception):
    def __init__(self, code, message):
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class Context:
    """What a response needs to know about the request it answers."""

    base_url: str
    repository_id: str
    request: object = None

    def identifier(self, external_id):
        return f"oai:{self.repository_id}:{external_id}"

    def external_id(self, identifier):
        prefix = f"oai:{self.repository_id}:"
        return identifier[len(prefix) :] if identifier.startswith(prefix) else None

    def page_url(self, page):
        return public_address.absolute(page.get_url(request=self.request) or "/")


def page_size():
    return max(1, int(getattr(settings, "ACERVO_OAI_PAGE_SIZE", DEFAULT_PAGE_SIZE)))


def utc_text(moment):
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _sub(parent, tag, text=None, **attrs):
    element = etree.SubElement(parent, f"{{{OAI}}}{tag}", **attrs)
    if text is not None:
        element.text = str(text)
    return element


def respond(params, context):
    """The serialised OAI-PMH response to `params` (a dict of argument name -> list of values)."""
    root = etree.Element(
        f"{{{OAI}}}OAI-PMH",
        nsmap={None: OAI, "xsi": XSI},
        attrib={f"{{{XSI}}}schemaLocation": f"{OAI} {OAI_SCHEMA}"},
    )
    _sub(root, "responseDate", utc_text(timezone.now()))
    request_element = _sub(root, "request", context.base_url)
    try:
        verb, arguments = check_arguments(params)
        # Valid arguments are echoed on every answer except badVerb/badArgument ones.
        request_element.set("verb", verb)
        for name, value in arguments.items():
            request_element.set(name, value)
        records.sync_live()
        root.append(HANDLERS[verb](arguments, context))
    except OaiError as error:
        if error.code in ("badVerb", "badArgument"):
            request_element.attrib.clear()  # the protocol forbids echoing a bad request
        _sub(root, "error", error.message, code=error.code)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def check_arguments(params):
    for name, values in params.items():
        if NOT_XML_RE.search(name) or any(NOT_XML_RE.search(value) for value in values):
            code = "badVerb" if name == "verb" else "badArgument"
            raise OaiError(code, _("La solicitud contiene caracteres no permitidos."))
    verbs = params.get("verb") or []
    if len(verbs) != 1:
        message = _("Falta el argumento verb.") if not verbs else _("El argumento verb está repetido.")
        raise OaiError("badVerb", message)
    verb = verbs[0]
    if verb not in VERBS:
        raise OaiError("badVerb", _("«%(verb)s» no es un verbo de OAI-PMH.") % {"verb": verb[:50]})
    required, optional = VERBS[verb]
    arguments = {}
    for name, values in params.items():
        if name == "verb":
            continue
        allowed = name in required or name in optional or (name == "resumptionToken" and verb in RESUMABLE)
        if not allowed:
            raise OaiError(
                "badArgument",
                _("El argumento «%(name)s» no es válido para %(verb)s.") % {"name": name[:50], "verb": verb},
            )
        if len(values) != 1:
            raise OaiError("badArgument", _("El argumento «%(name)s» está repetido.") % {"name": name})
        arguments[name] = values[0]
    if "resumptionToken" in arguments:
        if len(arguments) > 1:
            raise OaiError("badArgument", _("resumptionToken debe ser el único argumento además de verb."))
        return verb, arguments
    missing = sorted(required - arguments.keys())
    if missing:
        raise OaiError("badArgument", _("Falta el argumento obligatorio «%(name)s».") % {"name": missing[0]})
    if "set" in arguments and not SET_SPEC_RE.match(arguments["set"]):
        raise OaiError(
            "badArgument",
            _("«%(value)s» no es un setSpec válido (p. ej. level:primaria).") % {"value": arguments["set"][:50]},
        )
    if "metadataPrefix" in arguments and not PREFIX_RE.match(arguments["metadataPrefix"]):
        raise OaiError(
            "badArgument",
            _("«%(value)s» no es un metadataPrefix válido.") % {"value": arguments["metadataPrefix"][:50]},
        )
    return verb, arguments


def identify(arguments, context):
    element = etree.Element(f"{{{OAI}}}Identify")
    earliest = OaiRecord.objects.aggregate(earliest=Min("datestamp"))["earliest"] or timezone.now()
    _sub(element, "repositoryName", getattr(settings, "WAGTAIL_SITE_NAME", "Acervo"))
    _sub(element, "baseURL", context.base_url)
    _sub(element, "protocolVersion", "2.0")
    _sub(element, "adminEmail", getattr(settings, "ACERVO_OAI_ADMIN_EMAIL", "datos-abiertos@acervo.example.org"))
    _sub(element, "earliestDatestamp", utc_text(earliest))
    _sub(element, "deletedRecord", "persistent")
    _sub(element, "granularity", "YYYY-MM-DDThh:mm:ssZ")
    return element


def find_record(identifier, context):
    external_id = context.external_id(identifier)
    record = OaiRecord.objects.filter(external_id=external_id).first() if external_id else None
    if record is None:
        raise OaiError(
            "idDoesNotExist", _("No existe ningún registro con el identificador «%(id)s».") % {"id": identifier[:200]}
        )
    return record


def list_metadata_formats(arguments, context):
    if "identifier" in arguments:
        record = find_record(arguments["identifier"], context)
        # A withdrawn resource keeps its header but no longer has metadata in any format.
        if record.deleted:
            raise OaiError("noMetadataFormats", _("El recurso fue retirado y ya no tiene metadatos disponibles."))
    element = etree.Element(f"{{{OAI}}}ListMetadataFormats")
    for fmt in FORMATS.values():
        item = _sub(element, "metadataFormat")
        _sub(item, "metadataPrefix", fmt.prefix)
        _sub(item, "schema", fmt.schema)
        _sub(item, "metadataNamespace", fmt.namespace)
    return element


def set_list():
    """Every set: the two groups, then one per level and one per formative field."""
    groups = {"level": (_("Niveles educativos"), taxonomy.LEVELS), "field": (_("Campos formativos"), taxonomy.FIELDS)}
    for group in records.SET_GROUPS:
        name, vocabulary = groups[group]
        yield group, str(name)
        for term in vocabulary:
            yield f"{group}:{term.slug}", str(term.label)


def list_sets(arguments, context):
    if "resumptionToken" in arguments:
        # Every set fits in one response, so no token was ever issued for ListSets.
        raise OaiError("badResumptionToken", _("El resumptionToken no es válido o ha caducado."))
    element = etree.Element(f"{{{OAI}}}ListSets")
    for spec, name in set_list():
        item = _sub(element, "set")
        _sub(item, "setSpec", spec)
        _sub(item, "setName", name)
    return element


def parse_date(value, name):
    """A UTC datetime and its granularity ("day" or "second"), or badArgument."""
    try:
        if DAY_RE.match(value):
            return datetime.strptime(value, "%Y-%m-%d").replace(tzinfo=UTC), "day"
        if SECOND_RE.match(value):
            return datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC), "second"
    except ValueError:
        pass
    raise OaiError(
        "badArgument",
        _("«%(value)s» no es una fecha válida para %(name)s: use AAAA-MM-DD o AAAA-MM-DDThh:mm:ssZ.")
        % {"value": value[:40], "name": name},
    )


def metadata_format(prefix):
    fmt = FORMATS.get(prefix)
    if fmt is None:
        raise OaiError(
            "cannotDisseminateFormat",
            _("El formato «%(prefix)s» no está disponible; use oai_dc o lom.") % {"prefix": prefix[:50]},
        )
    return fmt


def initial_state(verb, arguments):
    metadata_format(arguments["metadataPrefix"])
    start = end = None
    granularities = set()
    if "from" in arguments:
        start, granularity = parse_date(arguments["from"], "from")
        granularities.add(granularity)
    if "until" in arguments:
        until, granularity = parse_date(arguments["until"], "until")
        granularities.add(granularity)
        try:
            end = until + (timedelta(days=1) if granularity == "day" else timedelta(seconds=1))
        except OverflowError:  # until=9999-12-31: nothing can come after it anyway
            end = until
    else:
        # Freeze the list's end so pages of one harvest agree; later changes go to the next one.
        end = timezone.now().replace(microsecond=0) + timedelta(seconds=1)
    if len(granularities) > 1:
        raise OaiError("badArgument", _("from y until deben tener la misma granularidad."))
    if start is not None and "until" in arguments and start >= end:
        raise OaiError("badArgument", _("from no puede ser posterior a until."))
    return {
        "verb": verb,
        "prefix": arguments["metadataPrefix"],
        "from": tokens.to_timestamp(start),
        "until": tokens.to_timestamp(end),
        "set": arguments.get("set"),
        "cursor": 0,
        "after": None,
    }


def in_set(spec):
    # Sets are hierarchical ("level" holds "level:primaria"); specs are stored as JSON strings.
    return Q(sets__icontains=f'"{spec}"') | Q(sets__icontains=f'"{spec}:')


def selection(state):
    queryset = OaiRecord.objects.filter(datestamp__lt=tokens.from_timestamp(state["until"]))
    if state["from"] is not None:
        queryset = queryset.filter(datestamp__gte=tokens.from_timestamp(state["from"]))
    if state["set"]:
        queryset = queryset.filter(in_set(state["set"]))
    return queryset.order_by("datestamp", "external_id")


def list_items(verb, arguments, context):
    if "resumptionToken" in arguments:
        try:
            state = tokens.read(arguments["resumptionToken"], verb)
        except tokens.BadToken as exc:
            raise OaiError("badResumptionToken", _("El resumptionToken no es válido o ha caducado.")) from exc
    else:
        state = initial_state(verb, arguments)
    queryset = selection(state)
    remaining = queryset
    if state["after"]:
        after_stamp, after_id = tokens.from_timestamp(state["after"][0]), state["after"][1]
        remaining = queryset.filter(Q(datestamp__gt=after_stamp) | Q(datestamp=after_stamp, external_id__gt=after_id))
    size = page_size()
    items = list(remaining[: size + 1])
    if not items:
        raise OaiError("noRecordsMatch", _("Ningún registro coincide con los criterios de la consulta."))
    has_more = len(items) > size
    items = items[:size]

    element = etree.Element(f"{{{OAI}}}{verb}")
    fmt = FORMATS[state["prefix"]]
    pages = {}
    if verb == "ListRecords":
        live_ids = [item.page_id for item in items if not item.deleted and item.page_id]
        pages = {page.pk: page for page in published_resources().filter(pk__in=live_ids).specific()}
    stored = stored_files(pages.values())
    for item in items:
        if verb == "ListRecords":
            element.append(record_element(item, pages.get(item.page_id), fmt, context, stored))
        else:
            element.append(header_element(item, context, deleted=item.deleted))

    if has_more or state["after"]:
        attrs = {"completeListSize": str(queryset.count()), "cursor": str(state["cursor"])}
        token_element = _sub(element, "resumptionToken", **attrs)
        if has_more:
            last = items[-1]
            token, expires = tokens.issue(
                {
                    **state,
                    "cursor": state["cursor"] + len(items),
                    "after": [tokens.to_timestamp(last.datestamp), last.external_id],
                }
            )
            token_element.text = token
            token_element.set("expirationDate", utc_text(expires))
    return element


def header_element(item, context, deleted=False):
    header = etree.Element(f"{{{OAI}}}header")
    if deleted:
        header.set("status", "deleted")
    _sub(header, "identifier", context.identifier(item.external_id))
    _sub(header, "datestamp", utc_text(item.datestamp))
    for spec in item.sets or []:
        _sub(header, "setSpec", spec)
    return header


def stored_files(pages):
    """{pk: StoredFile} of these pages' stored files, in one query for the whole list."""
    return StoredFile.objects.in_bulk({page.stored_file_id for page in pages} - {None})


def record_element(item, page, fmt, context, stored):
    element = etree.Element(f"{{{OAI}}}record")
    # A record whose page vanished (or went behind a view restriction) without a signal is
    # reported as what it is to the public: gone.
    deleted = item.deleted or page is None
    element.append(header_element(item, context, deleted=deleted))
    if not deleted:
        record = page_to_record(page)
        record.update(file_facts(stored.get(page.stored_file_id)))
        metadata = _sub(element, "metadata")
        metadata.append(fmt.build(record, context.page_url(page)))
    return element


def get_record(arguments, context):
    fmt = metadata_format(arguments["metadataPrefix"])
    item = find_record(arguments["identifier"], context)
    page = None
    if not item.deleted and item.page_id:
        page = published_resources().filter(pk=item.page_id).specific().first()
    element = etree.Element(f"{{{OAI}}}GetRecord")
    element.append(record_element(item, page, fmt, context, stored_files([page] if page else [])))
    return element


HANDLERS = {
    "Identify": identify,
    "ListMetadataFormats": list_metadata_formats,
    "ListSets": list_sets,
    "ListIdentifiers": lambda arguments, context: list_items("ListIdentifiers", arguments, context),
    "ListRecords": lambda arguments, context: list_items("ListRecords", arguments, context),
    "GetRecord": get_record,
}
