"""`search_index rebuild|update|status` as an operator runs it."""

import pytest

from oer.models import ResourcePage
from search.backends import get_backend
from search.backends.base import RebuildRefused
from search.indexing import documents

pytestmark = pytest.mark.django_db


def test_status_prints_database_index_and_backlog_counts(embedded_search, import_records, record_factory, run_command):
    import_records([record_factory() for _ in range(3)])
    result = run_command("search_index", "status")
    assert result.code == 0
    assert "Recursos publicados en la base de datos: 3" in result.stdout
    assert "Documentos en el índice: 3" in result.stdout
    assert "Cola pendiente: 0" in result.stdout


def test_rebuild_restores_an_index_that_lost_documents(
    embedded_search, import_records, record_factory, run_command, client
):
    import_records([record_factory(title=f"Cuaderno {n}") for n in range(4)])
    get_backend().delete_many(ResourcePage.objects.values_list("pk", flat=True))
    assert client.get("/api/v1/search/").json()["count"] == 0

    result = run_command("search_index", "rebuild")
    assert result.code == 0, result.stderr
    assert "4" in result.stdout
    assert client.get("/api/v1/search/", {"q": "cuaderno"}).json()["count"] == 4
    # The old generation is gone: only the live one remains beside the link and the lock.
    generations = [p.name for p in embedded_search.iterdir() if p.name.startswith("gen-")]
    assert len(generations) == 1


def test_rebuild_refuses_to_swap_when_counts_differ_wildly(embedded_search, import_records, record_factory, client):
    import_records([record_factory(title=f"Atlas {n}") for n in range(3)])
    backend = get_backend()
    with pytest.raises(RebuildRefused):
        backend.rebuild(documents(), expected_count=500)
    # Search kept serving the previous index.
    assert client.get("/api/v1/search/", {"q": "atlas"}).json()["count"] == 3


def test_update_applies_the_backlog(embedded_search, import_records, record_factory, run_command, client):
    import_records([record_factory(external_id="u:1", title="Mapa de México")])
    page = ResourcePage.objects.get(external_id="u:1").specific
    page.title = "Mapa de Oaxaca"
    page.save_revision().publish()
    result = run_command("search_index", "update")
    assert result.code == 0
    assert "Aplicadas 1 de 1" in result.stdout
    assert [h["title"] for h in client.get("/api/v1/search/", {"q": "oaxaca"}).json()["results"]] == ["Mapa de Oaxaca"]


def test_unknown_action_is_rejected(run_command):
    result = run_command("search_index", "borrar")
    assert result.code != 0
