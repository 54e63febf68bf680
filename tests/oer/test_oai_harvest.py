"""A stock harvester (Sickle) collects the whole catalogue, then only the changes and deletions."""

import pytest
from sickle import Sickle
from sickle.oaiexceptions import NoRecordsMatch

from oer.models import OaiRecord, ResourcePage

# Live-server tests truncate tables; restoring the migrated data brings back Wagtail's root page.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def harvester(live_server, settings):
    settings.ACERVO_OAI_PAGE_SIZE = 3
    return Sickle(f"{live_server.url}/oai/", max_retries=1, timeout=30)


@pytest.fixture
def catalogue(run_command, write_catalog, record_factory, site_structure):
    records = [record_factory(external_id=f"cosecha:2024:{n}", title=f"Recurso de cosecha {n}") for n in range(1, 8)]
    result = run_command("import_catalog", str(write_catalog(records)))
    assert result.code == 0, result.stderr
    return records


def local_id(header):
    return header.identifier.split(":", 2)[2]


def test_full_harvest_follows_resumption_tokens(harvester, catalogue):
    iterator = harvester.ListRecords(metadataPrefix="oai_dc")
    records = list(iterator)
    assert sorted(local_id(record.header) for record in records) == sorted(r["external_id"] for r in catalogue)
    assert {record.metadata["title"][0] for record in records} == {r["title"] for r in catalogue}
    assert not any(record.header.deleted for record in records)
    # Seven records at three per page: the last response closes the list with an empty token.
    assert iterator.resumption_token.complete_list_size == "7"
    assert iterator.resumption_token.cursor == "6"
    assert not iterator.resumption_token.token


def test_lom_and_identifiers_harvest_by_set(harvester, catalogue):
    headers = list(harvester.ListIdentifiers(metadataPrefix="lom", set="field:lenguajes"))
    assert len(headers) == 7
    assert all("level:primaria" in header.setSpecs for header in headers)
    record = harvester.GetRecord(identifier=headers[0].identifier, metadataPrefix="lom")
    assert "Recurso de cosecha" in record.raw


def test_incremental_harvest_brings_changes_and_deletions_only(
    harvester, catalogue, run_command, write_catalog, record_factory
):
    first = list(harvester.ListIdentifiers(metadataPrefix="oai_dc"))
    assert len(first) == 7
    # Pretend that first harvest happened long ago, so everything after it is a change.
    OaiRecord.objects.update(datestamp="2020-01-01T00:00:00Z")
    last_harvest = "2020-06-01T00:00:00Z"

    edited = ResourcePage.objects.get(external_id="cosecha:2024:1").specific
    edited.title = "Recurso de cosecha 1, edición revisada"
    edited.save_revision().publish()
    ResourcePage.objects.get(external_id="cosecha:2024:2").specific.unpublish()
    ResourcePage.objects.get(external_id="cosecha:2024:3").specific.delete()
    added = record_factory(external_id="cosecha:2024:8", title="Recurso nuevo")
    assert run_command("import_catalog", str(write_catalog([added], name="nuevo.jsonl"))).code == 0

    changes = {
        local_id(record.header): record
        for record in harvester.ListRecords(metadataPrefix="oai_dc", **{"from": last_harvest})
    }
    assert set(changes) == {"cosecha:2024:1", "cosecha:2024:2", "cosecha:2024:3", "cosecha:2024:8"}
    assert changes["cosecha:2024:1"].metadata["title"] == ["Recurso de cosecha 1, edición revisada"]
    assert changes["cosecha:2024:2"].header.deleted and changes["cosecha:2024:3"].header.deleted
    assert changes["cosecha:2024:8"].metadata["title"] == ["Recurso nuevo"]

    untouched = list(harvester.ListIdentifiers(metadataPrefix="oai_dc", until="2020-01-01"))
    assert sorted(local_id(header) for header in untouched) == [f"cosecha:2024:{n}" for n in (4, 5, 6, 7)]


def test_harvest_after_the_last_change_finds_nothing(harvester, catalogue):
    with pytest.raises(NoRecordsMatch):
        list(harvester.ListRecords(metadataPrefix="oai_dc", **{"from": "2999-01-01"}))
