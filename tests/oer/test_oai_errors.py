"""Every OAI-PMH error condition answered with the protocol's own code, never an HTTP error."""

import pytest
from django.core import signing

from oer.oai import tokens
from tests.oer.oai_support import error_code, texts, valid_tree

pytestmark = pytest.mark.django_db


@pytest.fixture
def one_resource(run_command, write_catalog, record_factory, site_structure):
    result = run_command("import_catalog", str(write_catalog([record_factory(external_id="prueba:2024:E1")])))
    assert result.code == 0, result.stderr


def answer(client, params, method="get"):
    response = getattr(client, method)("/oai/", params)
    assert response.status_code == 200
    return valid_tree(response)


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"verb": "Borrar"},
        {"verb": ["Identify", "Identify"]},
        {"verb": "Identify\x00"},
    ],
    ids=["missing-verb", "unknown-verb", "repeated-verb", "control-character"],
)
def test_bad_verbs(client, one_resource, params):
    tree = answer(client, params)
    assert error_code(tree) == "badVerb"
    # A bad request is echoed as the base URL only, without attributes.
    assert tree.xpath("/*/*[local-name()='request']")[0].attrib == {}


@pytest.mark.parametrize(
    "params, explained",
    [
        ({"verb": "Identify", "metadataPrefix": "oai_dc"}, "metadataPrefix"),
        ({"verb": "ListRecords"}, "Falta el argumento obligatorio «metadataPrefix»"),
        ({"verb": "ListRecords", "metadataPrefix": ["oai_dc", "lom"]}, "está repetido"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "color": "rojo"}, "«color» no es válido"),
        ({"verb": "GetRecord", "metadataPrefix": "oai_dc"}, "«identifier»"),
        ({"verb": "GetRecord", "identifier": "oai:testserver:prueba:2024:E1"}, "«metadataPrefix»"),
        (
            {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "from": "25/11/2026"},
            "no es una fecha válida para from",
        ),
        (
            {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "until": "2026-02-30"},
            "no es una fecha válida para until",
        ),
        (
            {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "from": "2026-01-01T00:00:00"},
            "AAAA-MM-DDThh:mm:ssZ",
        ),
        (
            {
                "verb": "ListIdentifiers",
                "metadataPrefix": "oai_dc",
                "from": "2026-01-01",
                "until": "2026-02-01T00:00:00Z",
            },
            "granularidad",
        ),
        (
            {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "from": "2026-02-01", "until": "2026-01-01"},
            "posterior",
        ),
        ({"verb": "ListRecords", "resumptionToken": "x", "metadataPrefix": "oai_dc"}, "único argumento"),
        ({"verb": "ListSets", "set": "level"}, "«set» no es válido para ListSets"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "nivel primaria"}, "setSpec válido"),
        ({"verb": "ListRecords", "metadataPrefix": "oai dc"}, "metadataPrefix válido"),
        ({"verb": "GetRecord", "metadataPrefix": "oai_dc", "identifier": "oai:x:\x01"}, "caracteres no permitidos"),
    ],
    ids=[
        "illegal-argument-for-identify",
        "missing-metadata-prefix",
        "repeated-argument",
        "unknown-argument",
        "getrecord-without-identifier",
        "getrecord-without-prefix",
        "unparseable-date",
        "impossible-date",
        "date-without-z",
        "mixed-granularities",
        "from-after-until",
        "token-not-exclusive",
        "listsets-with-set",
        "malformed-set",
        "malformed-prefix",
        "control-character",
    ],
)
def test_bad_arguments(client, one_resource, params, explained):
    tree = answer(client, params)
    assert error_code(tree) == "badArgument"
    assert tree.xpath("/*/*[local-name()='request']")[0].attrib == {}
    assert explained in texts(tree, "/*/*[local-name()='error']")[0]


def test_post_body_is_checked_like_a_query(client, one_resource):
    tree = answer(client, {"verb": "ListRecords", "metadataPrefix": "oai_dc", "marca": "x"}, method="post")
    assert error_code(tree) == "badArgument"


@pytest.mark.parametrize("verb", ["ListRecords", "ListIdentifiers"])
def test_unknown_format_cannot_be_disseminated_in_lists(client, one_resource, verb):
    tree = answer(client, {"verb": verb, "metadataPrefix": "marc21"})
    assert error_code(tree) == "cannotDisseminateFormat"
    assert texts(tree, "/*/*[local-name()='request']/@metadataPrefix") == ["marc21"]


def test_unknown_format_cannot_be_disseminated_for_one_record(client, one_resource):
    tree = answer(
        client, {"verb": "GetRecord", "identifier": "oai:testserver:prueba:2024:E1", "metadataPrefix": "marc21"}
    )
    assert error_code(tree) == "cannotDisseminateFormat"


@pytest.mark.parametrize(
    "identifier",
    ["oai:testserver:prueba:2024:NOEXISTE", "oai:otro.example.org:prueba:2024:E1", "prueba:2024:E1"],
    ids=["unknown-resource", "foreign-repository", "not-an-oai-identifier"],
)
def test_unknown_identifiers_do_not_exist(client, one_resource, identifier):
    assert (
        error_code(answer(client, {"verb": "GetRecord", "identifier": identifier, "metadataPrefix": "oai_dc"}))
        == "idDoesNotExist"
    )
    assert error_code(answer(client, {"verb": "ListMetadataFormats", "identifier": identifier})) == "idDoesNotExist"


def test_withdrawn_resource_has_no_metadata_formats(client, one_resource):
    from oer.models import ResourcePage

    answer(client, {"verb": "Identify"})
    ResourcePage.objects.get(external_id="prueba:2024:E1").specific.unpublish()
    tree = answer(client, {"verb": "ListMetadataFormats", "identifier": "oai:testserver:prueba:2024:E1"})
    assert error_code(tree) == "noMetadataFormats"


@pytest.mark.parametrize(
    "params",
    [
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "until": "1999-12-31"},
        {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "set": "level:preescolar"},
        {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "set": "nivel:inexistente"},
    ],
    ids=["before-everything", "empty-set", "unknown-set"],
)
def test_empty_selections_match_no_records(client, one_resource, params):
    assert error_code(answer(client, params)) == "noRecordsMatch"


def test_empty_repository_matches_no_records(client, site_structure):
    assert error_code(answer(client, {"verb": "ListRecords", "metadataPrefix": "oai_dc"})) == "noRecordsMatch"


def test_forged_expired_and_foreign_tokens_are_bad(client, one_resource, settings):
    state = {
        "verb": "ListRecords",
        "prefix": "oai_dc",
        "from": None,
        "until": 4102444800,
        "set": None,
        "cursor": 0,
        "after": None,
    }
    forged = signing.dumps({**state, "exp": 4102444800}, salt="otra-cosa", compress=True)
    settings.ACERVO_OAI_TOKEN_TTL_SECONDS = -10
    expired, _ = tokens.issue(state)
    settings.ACERVO_OAI_TOKEN_TTL_SECONDS = 3600
    for_identifiers, _ = tokens.issue({**state, "verb": "ListIdentifiers"})
    for token, verb in [
        ("basura", "ListRecords"),
        (forged, "ListRecords"),
        (expired, "ListRecords"),
        (for_identifiers, "ListRecords"),
        ("cualquiera", "ListSets"),
    ]:
        tree = answer(client, {"verb": verb, "resumptionToken": token})
        assert error_code(tree) == "badResumptionToken", token
        assert texts(tree, "/*/*[local-name()='request']/@resumptionToken") == [token]


def test_sets_exist_so_no_set_hierarchy_is_never_answered(client, one_resource):
    tree = answer(client, {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "set": "field:lenguajes"})
    assert error_code(tree) is None
    assert "noSetHierarchy" not in client.get("/oai/", {"verb": "ListSets"}).content.decode()


def test_other_http_methods_are_refused(client, one_resource):
    response = client.delete("/oai/")
    assert response.status_code == 405 and response["Allow"] == "GET, POST"
