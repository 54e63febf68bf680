"""Informes → Nodos: each source with its last sync and result, only for those who may publish."""

import pytest

from tests.oer.editorial_support import editor, reviewer

from .fake_sources import list_identifiers, serve_acervo, serve_oai

pytestmark = pytest.mark.django_db

URL = "/admin/nodos/"


def test_the_report_shows_the_last_sync_and_its_result(httpserver, run_command, record_factory):
    serve_acervo(httpserver, [dict(record_factory(external_id="otro:libro:001"), slug="uno")])
    assert run_command("sync_from", httpserver.url_for("/")).code == 0
    _user, client = reviewer()

    page = client.get(URL).content.decode()
    assert httpserver.url_for("/").rstrip("/") in page
    assert "Correcta" in page and "1 nuevos" in page

    httpserver.clear()
    serve_oai(httpserver, listing=list_identifiers(["otro:libro:002"])[:200])
    assert run_command("sync_from", httpserver.url_for("/")).code == 1
    page = client.get(URL).content.decode()
    assert "Fallida" in page and "no es XML válido" in page
    assert "Correcta" not in page  # only the last run of each source
    assert URL in client.get("/admin/").content.decode()


def test_empty_state_says_how_to_sync(admin_client):
    assert "python manage.py sync_from URL" in admin_client.get(URL).content.decode()


def test_an_editor_who_cannot_publish_cannot_open_it(site_structure):
    _user, client = editor()
    assert URL not in client.get("/admin/").content.decode()
    assert client.get(URL).status_code in (302, 403)
