"""Servers that are not a proper Acervo, on pytest-httpserver: the node must refuse what they send."""

import json

OAI_HEAD = '<?xml version="1.0" encoding="UTF-8"?><OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">'
RESPONSE_DATE = "<responseDate>2026-01-05T10:00:00Z</responseDate>"
IDENTIFY = (
    f"{OAI_HEAD}{RESPONSE_DATE}<request>x</request><Identify><repositoryName>Otro</repositoryName>"
    "<baseURL>x</baseURL><protocolVersion>2.0</protocolVersion><adminEmail>a@b.c</adminEmail>"
    "<earliestDatestamp>2020-01-01T00:00:00Z</earliestDatestamp><deletedRecord>persistent</deletedRecord>"
    "<granularity>YYYY-MM-DDThh:mm:ssZ</granularity></Identify></OAI-PMH>"
)
DESCRIPTOR = {"formato": "acervo-nodo", "version": 1}


def list_identifiers(external_ids):
    headers = "".join(
        f"<header><identifier>oai:otro:{external_id}</identifier><datestamp>2026-01-05T09:00:00Z</datestamp></header>"
        for external_id in external_ids
    )
    return f"{OAI_HEAD}{RESPONSE_DATE}<request>x</request><ListIdentifiers>{headers}</ListIdentifiers></OAI-PMH>"


def serve_oai(httpserver, identify=IDENTIFY, descriptor=DESCRIPTOR, listing=None):
    httpserver.expect_request("/oai/", query_string="verb=Identify").respond_with_data(
        identify, content_type="text/xml"
    )
    if descriptor is not None:
        httpserver.expect_request("/nodos/").respond_with_json(descriptor)
    if listing is not None:
        httpserver.expect_request("/oai/").respond_with_data(listing, content_type="text/xml")
    httpserver.expect_request("/nodos/cursos.json").respond_with_json({"tracks": []})


def serve_acervo(httpserver, records, files=None):
    """A minimal Acervo serving records (with their slugs) and files by slug."""
    serve_oai(httpserver, listing=list_identifiers([record["external_id"] for record in records]))
    httpserver.expect_request("/nodos/recursos.json").respond_with_data(
        json.dumps({"records": records}), content_type="application/json"
    )
    for slug, body in (files or {}).items():
        httpserver.expect_request(f"/recursos/{slug}/archivo").respond_with_data(body, content_type="application/pdf")
