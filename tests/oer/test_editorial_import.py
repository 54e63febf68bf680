"""Catalogue import from the admin: check the file, see the report or a preview, confirm, audit."""

import html

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry

from oer.editorial.importing import stash_dir
from oer.models import ResourcePage
from tests.factories import TextbookPageFactory
from tests.oer.editorial_support import editor, reviewer

pytestmark = pytest.mark.django_db

IMPORT_URL = "/admin/importar-catalogo/"
CONFIRM_URL = "/admin/importar-catalogo/confirmar/"


def upload(client, path):
    with open(path, "rb") as handle:
        return client.post(IMPORT_URL, {"catalog": handle})


def stashed_files():
    return list(stash_dir().glob("*")) if stash_dir().exists() else []


def test_bad_file_shows_every_bad_line_and_writes_nothing(site_structure, write_catalog, record_factory):
    _user, client = reviewer()
    path = write_catalog(
        [
            record_factory(),
            record_factory(levels=["universidad"]),
            '{"external_id": "roto"',
            record_factory(grades=[9]),
        ]
    )
    response = upload(client, path)

    body = html.unescape(response.content.decode())
    assert response.status_code == 200
    assert "«catalogo.jsonl»: 4 errores; no se importó nada." in body
    assert "línea 2: levels: valor desconocido «universidad»" in body
    assert "línea 2: grades:" in body
    assert "línea 3: registro: no es JSON válido (Expecting ',' delimiter" in body
    assert "línea 4: grades:" in body
    assert "Confirmar importación" not in body
    assert ResourcePage.objects.count() == 0
    assert stashed_files() == []


def test_good_file_is_previewed_then_imported_only_after_confirmation(site_structure, write_catalog, record_factory):
    reviewer_user, client = reviewer()
    TextbookPageFactory(parent=site_structure, external_id="prueba:existente")
    records = [record_factory(external_id="prueba:existente"), record_factory(), record_factory(type="video")]
    path = write_catalog(records)

    preview = upload(client, path)
    body = preview.content.decode()
    assert '<dd data-count="total">3</dd>' in body
    assert '<dd data-count="new">2</dd>' in body
    assert '<dd data-count="existing">1</dd>' in body
    assert "Libro de texto" in body and "Video" in body
    assert ResourcePage.objects.count() == 1  # nothing written before confirming

    token = preview.context["confirm_form"].initial["token"]
    response = client.post(CONFIRM_URL, {"token": token})
    assert response.status_code == 302 and response["Location"] == reverse("recursos:index")

    assert set(ResourcePage.objects.values_list("external_id", flat=True)) == {r["external_id"] for r in records}
    assert ResourcePage.objects.filter(live=True).count() == 3
    entry = PageLogEntry.objects.get(action="acervo.import")
    assert entry.user == reviewer_user
    assert entry.page_id == site_structure.pk
    assert entry.data == {"file": "catalogo.jsonl", "total": 3, "created": 2, "updated": 1, "unchanged": 0}
    assert stashed_files() == []

    history = client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert "Catálogo «catalogo.jsonl» importado: 2 creados, 1 actualizados, 0 sin cambios" in history


def test_a_confirmation_can_be_used_only_once(site_structure, write_catalog, record_factory):
    _user, client = reviewer()
    preview = upload(client, write_catalog([record_factory()]))
    token = preview.context["confirm_form"].initial["token"]
    client.post(CONFIRM_URL, {"token": token})
    again = client.post(CONFIRM_URL, {"token": token})
    assert again.status_code == 400
    assert ResourcePage.objects.count() == 1
    assert PageLogEntry.objects.filter(action="acervo.import").count() == 1


@pytest.mark.parametrize("token", ["0" * 32, "../../etc/passwd", ""])
def test_a_forged_confirmation_is_refused_in_spanish(site_structure, token):
    _user, client = reviewer()
    response = client.post(CONFIRM_URL, {"token": token}, follow=False)
    assert response.status_code == 400
    assert "No hay una importación pendiente de confirmar" in response.content.decode()
    assert ResourcePage.objects.count() == 0


def test_cancelling_discards_the_uploaded_file(site_structure, write_catalog, record_factory):
    _user, client = reviewer()
    upload(client, write_catalog([record_factory()]))
    assert len(stashed_files()) == 1
    client.get(IMPORT_URL)
    assert stashed_files() == []
    assert ResourcePage.objects.count() == 0


def test_only_catalogue_files_are_accepted(site_structure, tmp_path):
    _user, client = reviewer()
    notes = tmp_path / "notas.txt"
    notes.write_text("hola", encoding="utf-8")
    response = upload(client, notes)
    assert response.status_code == 400
    assert "El archivo debe terminar en .jsonl o .csv." in response.content.decode()

    missing = client.post(IMPORT_URL, {})
    assert missing.status_code == 400
    assert "Elige un archivo para importar." in missing.content.decode()


def test_editors_cannot_import_because_importing_publishes(site_structure, write_catalog, record_factory):
    _user, client = editor()
    assert IMPORT_URL not in client.get(reverse("wagtailadmin_home")).content.decode()
    response = upload(client, write_catalog([record_factory()]))
    # Wagtail turns a refusal into a redirect to the dashboard with a "no permission" message.
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    assert ResourcePage.objects.count() == 0

    _reviewer, reviewer_client = reviewer()
    assert IMPORT_URL in reviewer_client.get(reverse("wagtailadmin_home")).content.decode()


def test_a_csv_catalogue_is_accepted_too(site_structure, tmp_path, record_factory):
    from oer.catalog.formats import CsvWriter

    path = tmp_path / "catalogo.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = CsvWriter(handle)
        for record in (record_factory(), record_factory()):
            writer.write(record)
    _user, client = reviewer()
    preview = upload(client, path)
    assert '<dd data-count="new">2</dd>' in preview.content.decode()
    client.post(CONFIRM_URL, {"token": preview.context["confirm_form"].initial["token"]})
    assert ResourcePage.objects.filter(live=True).count() == 2
