"""OAI-PMH verbs answered from the live catalogue, each response valid against the schema."""

import pytest
from lxml import etree

from tests.oer.oai_support import NS, error_code, texts, valid_tree

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(run_command, write_catalog, record_factory, site_structure):
    records = [
        record_factory(external_id="prueba:2024:P1", title="Lenguajes. Primer grado", grades=[1], fields=["lenguajes"]),
        record_factory(
            external_id="prueba:2024:P5",
            title="Saberes. Quinto grado",
            grades=[5],
            fields=["saberes-y-pensamiento-cientifico"],
        ),
        record_factory(
            external_id="prueba:2024:S1",
            title="Ética. Secundaria",
            levels=["secundaria"],
            grades=[1],
            fields=["etica-naturaleza-y-sociedades"],
            authors=["Ana López", "Luis Pérez"],
        ),
        record_factory(
            external_id="prueba:2024:V1",
            type="video",
            title="Fracciones en video",
            grades=[4],
            fields=["saberes-y-pensamiento-cientifico"],
            duration_seconds=600,
            file_url="https://videos.example.org/fracciones.mp4",
            accessibility=["subtitulos"],
        ),
    ]
    result = run_command("import_catalog", str(write_catalog(records)))
    assert result.code == 0, result.stderr
    return records


def oai(client, **params):
    return valid_tree(client.get("/oai/", params))


def identifier(external_id):
    return f"oai:testserver:{external_id}"


def test_identify_describes_the_repository(client, catalogue):
    tree = oai(client, verb="Identify")
    assert texts(tree, "//oai:Identify/oai:protocolVersion") == ["2.0"]
    assert texts(tree, "//oai:Identify/oai:deletedRecord") == ["persistent"]
    assert texts(tree, "//oai:Identify/oai:granularity") == ["YYYY-MM-DDThh:mm:ssZ"]
    assert texts(tree, "//oai:Identify/oai:baseURL") == ["http://testserver/oai/"]
    assert texts(tree, "/oai:OAI-PMH/oai:request/@verb") == ["Identify"]


def test_list_metadata_formats_offers_dublin_core_and_lom(client, catalogue):
    tree = oai(client, verb="ListMetadataFormats")
    assert texts(tree, "//oai:metadataPrefix") == ["oai_dc", "lom"]
    assert "http://ltsc.ieee.org/xsd/LOM" in texts(tree, "//oai:metadataNamespace")
    for_item = oai(client, verb="ListMetadataFormats", identifier=identifier("prueba:2024:P1"))
    assert texts(for_item, "//oai:metadataPrefix") == ["oai_dc", "lom"]


def test_list_sets_has_levels_and_formative_fields(client, catalogue):
    tree = oai(client, verb="ListSets")
    specs = texts(tree, "//oai:set/oai:setSpec")
    assert {"level", "level:primaria", "level:secundaria", "field", "field:lenguajes"} <= set(specs)
    names = dict(zip(specs, texts(tree, "//oai:set/oai:setName"), strict=True))
    assert names["field:saberes-y-pensamiento-cientifico"] == "Saberes y Pensamiento Científico"


def test_list_identifiers_lists_every_published_resource_with_its_sets(client, catalogue):
    tree = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc")
    ids = texts(tree, "//oai:header/oai:identifier")
    assert sorted(ids) == sorted(identifier(r["external_id"]) for r in catalogue)
    header = tree.xpath("//oai:header[oai:identifier=$id]", id=identifier("prueba:2024:S1"), namespaces=NS)[0]
    assert texts(header, "oai:setSpec") == ["level:secundaria", "field:etica-naturaleza-y-sociedades"]
    assert not tree.xpath("//oai:resumptionToken", namespaces=NS)


def test_list_records_in_dublin_core_carry_the_catalogue_metadata(client, catalogue):
    tree = oai(client, verb="ListRecords", metadataPrefix="oai_dc")
    assert len(tree.xpath("//oai:record", namespaces=NS)) == 4
    record = tree.xpath(
        "//oai:record[oai:header/oai:identifier=$id]/oai:metadata/oai_dc:dc",
        id=identifier("prueba:2024:S1"),
        namespaces=NS,
    )[0]
    assert texts(record, "dc:title") == ["Ética. Secundaria"]
    assert texts(record, "dc:creator") == ["Ana López", "Luis Pérez"]
    assert "Ética, Naturaleza y Sociedades" in texts(record, "dc:subject")
    assert "Secundaria" in texts(record, "dc:coverage")
    assert texts(record, "dc:language") == ["es"]
    assert texts(record, "dc:rights")[0] == "SEP: uso educativo gratuito"
    page_url = texts(record, "dc:identifier")[0]
    assert page_url.startswith("http://") and "/recursos/" in page_url


def test_get_record_in_lom_describes_a_video(client, catalogue):
    tree = oai(client, verb="GetRecord", identifier=identifier("prueba:2024:V1"), metadataPrefix="lom")
    lom = tree.xpath("//oai:metadata/lom:lom", namespaces=NS)[0]
    assert texts(lom, "lom:general/lom:title/lom:string") == ["Fracciones en video"]
    assert texts(lom, "lom:technical/lom:format") == ["video/mp4"]
    assert texts(lom, "lom:technical/lom:duration/lom:duration") == ["PT600S"]
    assert texts(lom, "lom:educational/lom:learningResourceType/lom:value") == ["lecture"]
    assert "field:saberes-y-pensamiento-cientifico" in texts(lom, "lom:classification/lom:taxonPath/lom:taxon/lom:id")
    assert texts(tree, "/oai:OAI-PMH/oai:request/@metadataPrefix") == ["lom"]


def test_sets_select_by_level_and_by_formative_field(client, catalogue):
    by_level = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc", set="level:secundaria")
    assert texts(by_level, "//oai:header/oai:identifier") == [identifier("prueba:2024:S1")]
    by_field = oai(
        client, verb="ListIdentifiers", metadataPrefix="oai_dc", set="field:saberes-y-pensamiento-cientifico"
    )
    assert sorted(texts(by_field, "//oai:header/oai:identifier")) == [
        identifier("prueba:2024:P5"),
        identifier("prueba:2024:V1"),
    ]
    whole_group = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc", set="level")
    assert len(texts(whole_group, "//oai:header/oai:identifier")) == 4


def test_from_and_until_select_by_datestamp_in_both_granularities(client, catalogue):
    from oer.models import OaiRecord

    oai(client, verb="Identify")  # bulk-imported resources are recorded on the first request
    OaiRecord.objects.filter(external_id="prueba:2024:P1").update(datestamp="2020-03-01T10:00:00Z")
    only_old = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc", until="2020-03-01T10:00:00Z")
    assert texts(only_old, "//oai:header/oai:identifier") == [identifier("prueba:2024:P1")]
    assert texts(only_old, "//oai:header/oai:datestamp") == ["2020-03-01T10:00:00Z"]
    same_day = oai(
        client, verb="ListIdentifiers", metadataPrefix="oai_dc", **{"from": "2020-03-01", "until": "2020-03-01"}
    )
    assert texts(same_day, "//oai:header/oai:identifier") == [identifier("prueba:2024:P1")]
    newer = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc", **{"from": "2020-03-01T10:00:01Z"})
    assert identifier("prueba:2024:P1") not in texts(newer, "//oai:header/oai:identifier")
    assert len(texts(newer, "//oai:header/oai:identifier")) == 3


def test_post_requests_are_answered_like_get(client, catalogue):
    response = client.post(
        "/oai/", {"verb": "GetRecord", "identifier": identifier("prueba:2024:P5"), "metadataPrefix": "oai_dc"}
    )
    tree = valid_tree(response)
    assert texts(tree, "//dc:title") == ["Saberes. Quinto grado"]


def test_resumption_tokens_page_through_the_list_with_cursor_and_size(client, catalogue, settings):
    settings.ACERVO_OAI_PAGE_SIZE = 3
    first = oai(client, verb="ListRecords", metadataPrefix="oai_dc")
    token = first.xpath("//oai:resumptionToken", namespaces=NS)[0]
    assert token.get("completeListSize") == "4" and token.get("cursor") == "0" and token.get("expirationDate")
    second = oai(client, verb="ListRecords", resumptionToken=token.text)
    last = second.xpath("//oai:resumptionToken", namespaces=NS)[0]
    assert last.text is None and last.get("cursor") == "3" and last.get("completeListSize") == "4"
    seen = texts(first, "//oai:header/oai:identifier") + texts(second, "//oai:header/oai:identifier")
    assert sorted(seen) == sorted(identifier(r["external_id"]) for r in catalogue)
    assert texts(second, "/oai:OAI-PMH/oai:request/@resumptionToken") == [token.text]


def test_unpublished_and_deleted_resources_are_reported_as_deleted(client, catalogue):
    from oer.models import ResourcePage

    ResourcePage.objects.get(external_id="prueba:2024:P1").specific.unpublish()
    ResourcePage.objects.get(external_id="prueba:2024:P5").specific.delete()
    tree = oai(client, verb="ListRecords", metadataPrefix="oai_dc")
    deleted = tree.xpath("//oai:record[oai:header/@status='deleted']", namespaces=NS)
    assert sorted(texts(tree, "//oai:record[oai:header/@status='deleted']/oai:header/oai:identifier")) == [
        identifier("prueba:2024:P1"),
        identifier("prueba:2024:P5"),
    ]
    assert all(not record.xpath("oai:metadata", namespaces=NS) for record in deleted)
    gone = oai(client, verb="GetRecord", identifier=identifier("prueba:2024:P5"), metadataPrefix="lom")
    assert texts(gone, "//oai:header/@status") == ["deleted"]
    assert texts(gone, "//oai:header/oai:setSpec") == ["level:primaria", "field:saberes-y-pensamiento-cientifico"]


def test_republishing_brings_a_withdrawn_resource_back(client, catalogue):
    from oer.models import ResourcePage

    page = ResourcePage.objects.get(external_id="prueba:2024:P1").specific
    page.unpublish()
    page.save_revision().publish()
    tree = oai(client, verb="GetRecord", identifier=identifier("prueba:2024:P1"), metadataPrefix="oai_dc")
    assert texts(tree, "//oai:header/@status") == []
    assert texts(tree, "//dc:title") == ["Lenguajes. Primer grado"]


def test_responses_declare_the_oai_schema_location(client, catalogue):
    tree = etree.fromstring(client.get("/oai/", {"verb": "Identify"}).content)
    location = tree.get("{http://www.w3.org/2001/XMLSchema-instance}schemaLocation")
    assert location == "http://www.openarchives.org/OAI/2.0/ http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"
    assert error_code(tree) is None


def test_configured_repository_id_names_the_identifiers(client, catalogue, settings):
    settings.ACERVO_OAI_REPOSITORY_ID = "acervo.sep.gob.mx"
    tree = oai(client, verb="GetRecord", identifier="oai:acervo.sep.gob.mx:prueba:2024:P1", metadataPrefix="oai_dc")
    assert texts(tree, "//oai:header/oai:identifier") == ["oai:acervo.sep.gob.mx:prueba:2024:P1"]
    assert (
        error_code(oai(client, verb="GetRecord", identifier=identifier("prueba:2024:P1"), metadataPrefix="oai_dc"))
        == "idDoesNotExist"
    )


def test_reimporting_a_deleted_resource_makes_it_live_again(
    client, catalogue, run_command, write_catalog, record_factory
):
    from oer.models import ResourcePage

    ResourcePage.objects.get(external_id="prueba:2024:S1").specific.delete()
    assert texts(
        oai(client, verb="GetRecord", identifier=identifier("prueba:2024:S1"), metadataPrefix="oai_dc"),
        "//oai:header/@status",
    ) == ["deleted"]
    again = record_factory(
        external_id="prueba:2024:S1", title="Ética. Secundaria, nueva edición", levels=["secundaria"], grades=[2]
    )
    assert run_command("import_catalog", str(write_catalog([again], name="otra.jsonl"))).code == 0
    tree = oai(client, verb="GetRecord", identifier=identifier("prueba:2024:S1"), metadataPrefix="oai_dc")
    assert texts(tree, "//oai:header/@status") == []
    assert texts(tree, "//dc:title") == ["Ética. Secundaria, nueva edición"]


def test_private_resources_are_not_disseminated(client, catalogue):
    from wagtail.models import PageViewRestriction

    from oer.models import ResourcePage

    page = ResourcePage.objects.get(external_id="prueba:2024:P5").specific
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    page.save_revision().publish()
    tree = oai(client, verb="GetRecord", identifier=identifier("prueba:2024:P5"), metadataPrefix="oai_dc")
    assert texts(tree, "//oai:header/@status") == ["deleted"]
    assert not tree.xpath("//oai_dc:dc", namespaces=NS)


def test_extreme_dates_are_accepted(client, catalogue, settings):
    tree = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc", **{"from": "0001-01-01", "until": "9999-12-31"})
    assert len(texts(tree, "//oai:header/oai:identifier")) == 4
    settings.ACERVO_OAI_PAGE_SIZE = 2
    tree = oai(
        client,
        verb="ListIdentifiers",
        metadataPrefix="oai_dc",
        **{"from": "0001-01-01T00:00:00Z", "until": "9999-12-31T23:59:59Z"},
    )
    token = texts(tree, "//oai:resumptionToken")[0]
    rest = oai(client, verb="ListIdentifiers", resumptionToken=token)
    assert len(texts(tree, "//oai:header/oai:identifier") + texts(rest, "//oai:header/oai:identifier")) == 4
