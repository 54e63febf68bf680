"""Durable indexing: changes are queued in their own transaction and survive a dead engine."""

import socket

import pytest
from django.db import transaction

from oer.models import ResourcePage
from search import indexing
from search.models import IndexQueueEntry

pytestmark = pytest.mark.django_db


def _closed_port_url():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def _republish(page, title):
    page.title = title
    page.save_revision().publish()


def test_publishing_writes_a_queue_row_in_the_same_transaction(embedded_search, import_records, record_factory):
    import_records([record_factory(external_id="q:1", title="Libro de prueba")])
    page = ResourcePage.objects.get(external_id="q:1").specific
    assert indexing.backlog() == 0

    with pytest.raises(RuntimeError):
        with transaction.atomic():
            _republish(page, "Título que nunca se guarda")
            assert IndexQueueEntry.objects.filter(page_id=page.pk, action="index").exists()
            raise RuntimeError("rollback")
    assert indexing.backlog() == 0  # rolled back together with the page

    page = ResourcePage.objects.get(external_id="q:1").specific
    _republish(page, "Libro corregido")
    assert list(IndexQueueEntry.objects.values_list("page_id", "action")) == [(page.pk, "index")]


def test_committed_publication_kicks_the_drain_task(
    embedded_search, import_records, record_factory, client, django_capture_on_commit_callbacks
):
    import_records([record_factory(external_id="q:2", title="Cuaderno de trabajo")])
    page = ResourcePage.objects.get(external_id="q:2").specific
    with django_capture_on_commit_callbacks(execute=True):
        _republish(page, "Cuaderno de caligrafía")
    assert indexing.backlog() == 0
    titles = [hit["title"] for hit in client.get("/api/v1/search/", {"q": "caligrafia"}).json()["results"]]
    assert titles == ["Cuaderno de caligrafía"]


def test_engine_down_keeps_publishing_working_and_update_drains_the_backlog_later(
    settings, tmp_path, import_records, record_factory, run_command, client
):
    settings.ACERVO_SEARCH_INDEX_DIR = tmp_path / "index"
    settings.ELASTICSEARCH_URL = _closed_port_url()

    records = [record_factory(external_id=f"q:down:{n}", title=f"Recurso durable {n}") for n in range(3)]
    import_records(records)  # import succeeds although its drain cannot reach the engine
    page = ResourcePage.objects.get(external_id="q:down:0").specific
    _republish(page, "Recurso durable renombrado")
    ResourcePage.objects.get(external_id="q:down:2").specific.unpublish()

    assert indexing.backlog() == 5
    failed = IndexQueueEntry.objects.filter(attempts__gt=0)
    assert failed.count() == 3 and all(entry.last_error for entry in failed)
    # Back-off: the failed entries are not due yet, so a routine drain leaves them alone.
    indexing.drain()
    assert not IndexQueueEntry.objects.filter(attempts__gt=1).exists()
    assert IndexQueueEntry.objects.filter(attempts=1).count() == 5

    status = run_command("search_index", "status")
    assert "Cola pendiente: " in status.stdout and "no disponible" in status.stdout

    settings.ELASTICSEARCH_URL = ""
    result = run_command("search_index", "update")
    assert result.code == 0, result.stderr
    assert indexing.backlog() == 0

    titles = sorted(hit["title"] for hit in client.get("/api/v1/search/", {"q": "durable"}).json()["results"])
    assert titles == ["Recurso durable 1", "Recurso durable renombrado"]


def test_update_fails_loudly_when_the_engine_is_still_down(
    settings, tmp_path, import_records, record_factory, run_command
):
    settings.ELASTICSEARCH_URL = _closed_port_url()
    import_records([record_factory(external_id="q:loud")])
    result = run_command("search_index", "update")
    assert result.code != 0
    assert "siguen en la cola" in result.stderr
    assert indexing.backlog() == 1


def test_enqueue_accepts_pks_for_bulk_paths_and_rejects_unknown_actions(
    embedded_search, import_records, record_factory, client
):
    import_records([record_factory(external_id="q:bulk", title="Atlas de México")])
    pk = ResourcePage.objects.get(external_id="q:bulk").pk
    assert indexing.enqueue([pk], "delete") == 1
    indexing.drain()
    assert client.get("/api/v1/search/", {"q": "atlas"}).json()["count"] == 0
    indexing.enqueue([pk], "index")
    indexing.drain()
    assert client.get("/api/v1/search/", {"q": "atlas"}).json()["count"] == 1
    with pytest.raises(ValueError):
        indexing.enqueue([pk], "borrar")


def test_a_new_slug_changes_the_indexed_url(embedded_search, import_records, record_factory, client):
    import_records([record_factory(external_id="q:slug", title="Cuaderno de lectura")])
    page = ResourcePage.objects.get(external_id="q:slug").specific
    page.slug = "cuaderno-lectura-nuevo"
    page.save_revision().publish()
    indexing.drain()
    hit = client.get("/api/v1/search/", {"q": "cuaderno"}).json()["results"][0]
    assert hit["url"].endswith("/cuaderno-lectura-nuevo/")
