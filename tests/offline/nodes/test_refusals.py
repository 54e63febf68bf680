"""Bad or hostile sources are refused with a Spanish error, and the node keeps what it had."""

import hashlib

import pytest

from oer.models import ResourcePage
from offline.nodes.models import SyncRun
from tests.pdf_factory import make_pdf

from .fake_sources import IDENTIFY, OAI_HEAD, serve_acervo, serve_oai

pytestmark = pytest.mark.django_db


def pdf_bytes(tmp_path, text):
    path = tmp_path / f"{hashlib.md5(text.encode()).hexdigest()}.pdf"
    make_pdf(path, [text])
    return path.read_bytes()


def record(record_factory, body=None, **extra):
    data = dict(record_factory(external_id="otro:libro:001", title="Libro del otro"), slug="libro-del-otro", **extra)
    if body is not None:
        data["sha256"] = hashlib.sha256(body).hexdigest()
    return data


def test_a_wrong_url_is_refused(run_command):
    result = run_command("sync_from", "ftp://acervo.example.org")
    assert result.code == 1
    assert "no es una dirección http o https válida" in result.stderr


def test_an_unreachable_server_is_refused(run_command):
    from .instances import free_port

    result = run_command("sync_from", f"http://127.0.0.1:{free_port()}")
    assert result.code == 1
    assert "No se pudo leer" in result.stderr and "no se pudo conectar" in result.stderr


def test_a_server_that_is_not_oai_pmh_is_refused(httpserver, run_command):
    httpserver.expect_request("/oai/").respond_with_data("<html><body>Hola</body></html>", content_type="text/html")
    result = run_command("sync_from", httpserver.url_for("/"))
    assert result.code == 1
    assert "no respondió como un servidor OAI-PMH" in result.stderr


def test_an_oai_pmh_repository_that_is_not_an_acervo_is_refused(httpserver, run_command):
    serve_oai(httpserver, descriptor=None)
    result = run_command("sync_from", httpserver.url_for("/"))
    assert result.code == 1
    assert "no un Acervo" in result.stderr
    assert not SyncRun.objects.exists()


def test_a_truncated_listing_changes_nothing(httpserver, run_command):
    serve_oai(httpserver, listing=IDENTIFY.replace("Identify", "ListIdentifiers")[: len(OAI_HEAD) + 60])
    result = run_command("sync_from", httpserver.url_for("/"))
    assert result.code == 1
    assert "no es XML válido: está incompleta" in result.stderr
    run = SyncRun.objects.get()
    assert run.status == SyncRun.Status.FAILED and "incompleta" in run.error
    assert not ResourcePage.objects.exists()


def test_a_record_that_fails_validation_is_refused_whole(httpserver, run_command, record_factory):
    good = dict(record_factory(external_id="otro:libro:002"), slug="bueno")
    serve_acervo(httpserver, [good, record(record_factory, levels=["marte"])])
    result = run_command("sync_from", httpserver.url_for("/"))
    assert result.code == 1
    assert "recurso «otro:libro:001»: levels: valor desconocido «marte»" in result.stderr
    assert not ResourcePage.objects.exists()  # the failed page wrote nothing, not even the good record


def test_a_file_whose_digest_does_not_match_is_not_stored(httpserver, run_command, record_factory, tmp_path):
    original = pdf_bytes(tmp_path, "Primera edición.")
    serve_acervo(httpserver, [record(record_factory, original)], {"libro-del-otro": original})
    first = run_command("sync_from", httpserver.url_for("/"), "--with-files")
    assert first.code == 0, first.stderr
    page = ResourcePage.objects.get(external_id="otro:libro:001")
    assert page.stored_file.sha256 == hashlib.sha256(original).hexdigest()

    httpserver.clear()
    announced = pdf_bytes(tmp_path, "Segunda edición.")
    tampered = pdf_bytes(tmp_path, "Contenido alterado en el camino.")
    changed = record(record_factory, announced, title="Segunda edición")
    serve_acervo(httpserver, [changed], {"libro-del-otro": tampered})
    result = run_command("sync_from", httpserver.url_for("/"), "--with-files")

    assert result.code == 1
    assert "recurso «otro:libro:001»: file: el sha256" in result.stderr
    page = ResourcePage.objects.get(external_id="otro:libro:001")
    assert page.title == "Libro del otro"  # the page of records was not written
    assert page.stored_file.sha256 == hashlib.sha256(original).hexdigest()  # the old file stays


def test_an_unknown_level_is_refused(run_command):
    result = run_command("sync_from", "http://127.0.0.1:9", "--level", "universidad")
    assert result.code == 1
    assert "Nivel desconocido «universidad»" in result.stderr
