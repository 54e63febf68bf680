"""Catalogue imports and node syncs (pages written without Wagtail's publish signal) keep grade packs current."""

import io
import json
import zipfile

from oer.catalog.signals import catalog_imported
from oer.models import ResourcePage
from offline.packs.models import OfflinePack
from tests.factories import CatalogRecordFactory
from tests.offline.nodes.fake_sources import list_identifiers, serve_acervo, serve_oai

from .conftest import downloaded


def import_catalog(run_command, tmp_path, django_capture_on_commit_callbacks, *records):
    """Run import_catalog on these records; the queued pack checks run at commit, as db_worker would."""
    catalog = tmp_path / "nuevos.jsonl"
    catalog.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    with django_capture_on_commit_callbacks(execute=True):
        result = run_command("import_catalog", str(catalog), "--no-progress")
    assert result.code == 0, result.stderr
    return result


def test_an_import_into_the_grade_rebuilds_its_pack(
    built_pack, client, run_command, tmp_path, django_capture_on_commit_callbacks
):
    record = CatalogRecordFactory(external_id="prueba:p5:nuevo", title="Cuaderno de fracciones. Quinto grado")
    result = import_catalog(run_command, tmp_path, django_capture_on_commit_callbacks, record)
    assert "1 creados" in result.stdout
    pack = OfflinePack.objects.get(pk=built_pack.pk)
    assert pack.status == OfflinePack.Status.READY
    assert pack.fingerprint != built_pack.fingerprint and pack.file.name != built_pack.file.name
    _response, body = downloaded(client)
    archive = zipfile.ZipFile(io.BytesIO(body))
    assert "Cuaderno de fracciones. Quinto grado" in archive.read("index.html").decode()
    assert any(name.startswith("recursos/cuaderno-de-fracciones") for name in archive.namelist())


def test_an_import_into_another_grade_leaves_the_pack_alone(
    built_pack, run_command, tmp_path, django_capture_on_commit_callbacks
):
    record = CatalogRecordFactory(external_id="prueba:p3:nuevo", title="Cuaderno de tercero", grades=[3])
    import_catalog(run_command, tmp_path, django_capture_on_commit_callbacks, record)
    pack = OfflinePack.objects.get(pk=built_pack.pk)
    assert (pack.file.name, pack.fingerprint, pack.sha256, pack.built_at) == (
        built_pack.file.name,
        built_pack.fingerprint,
        built_pack.sha256,
        built_pack.built_at,
    )


def test_the_signal_names_the_written_pages_and_is_not_sent_for_an_unchanged_import(
    grade_catalog, run_command, tmp_path, django_capture_on_commit_callbacks
):
    heard = []

    def listener(sender, page_ids, **kwargs):
        heard.append(page_ids)

    catalog_imported.connect(listener)
    try:
        record = CatalogRecordFactory(external_id="prueba:p5:nuevo", title="Cuaderno de fracciones. Quinto grado")
        import_catalog(run_command, tmp_path, django_capture_on_commit_callbacks, record)
        import_catalog(run_command, tmp_path, django_capture_on_commit_callbacks, record)  # the same again
        changed = {**record, "title": "Cuaderno de fracciones (2025)"}
        import_catalog(run_command, tmp_path, django_capture_on_commit_callbacks, changed)
    finally:
        catalog_imported.disconnect(listener)
    page = ResourcePage.objects.get(external_id="prueba:p5:nuevo")
    assert heard == [[page.pk], [page.pk]]


def test_a_node_sync_that_adds_then_retires_a_resource_rebuilds_the_pack(
    built_pack, client, httpserver, run_command, django_capture_on_commit_callbacks
):
    record = CatalogRecordFactory(external_id="otro:p5:nuevo", title="Cuaderno del otro Acervo")
    serve_acervo(httpserver, [dict(record, slug="cuaderno-del-otro-acervo")])
    with django_capture_on_commit_callbacks(execute=True):
        assert run_command("sync_from", httpserver.url_for("/")).code == 0
    added = OfflinePack.objects.get(pk=built_pack.pk)
    assert added.fingerprint != built_pack.fingerprint
    assert "Cuaderno del otro Acervo" in zipfile.ZipFile(io.BytesIO(downloaded(client)[1])).read("index.html").decode()

    httpserver.clear()
    retired = list_identifiers(["otro:p5:nuevo"]).replace("<header>", '<header status="deleted">')
    serve_oai(httpserver, listing=retired)
    with django_capture_on_commit_callbacks(execute=True):
        assert run_command("sync_from", httpserver.url_for("/")).code == 0
    assert not ResourcePage.objects.get(external_id="otro:p5:nuevo").live  # page.unpublish(): Wagtail's signal
    pack = OfflinePack.objects.get(pk=built_pack.pk)
    assert pack.fingerprint == built_pack.fingerprint and pack.built_at > added.built_at
    assert (
        "Cuaderno del otro Acervo" not in zipfile.ZipFile(io.BytesIO(downloaded(client)[1])).read("index.html").decode()
    )
