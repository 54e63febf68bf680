"""Informes → Archivos: failed or retrying downloads and failed readings, for those who may publish."""

import csv
import io
from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.formats import date_format

from oer.files import report
from oer.files.models import FileFetch
from oer.models import ResourcePage
from tests.oer.editorial_support import administrator, editor, reviewer
from tests.pdf_factory import make_pdf

pytestmark = pytest.mark.django_db

URL = "/admin/archivos/"
READINGS_URL = URL + "lecturas/"


def _body(response):
    return b"".join(response.streaming_content if response.streaming else [response.content]).decode("utf-8-sig")


@pytest.fixture
def catalogue(run_command, write_catalog, record_factory, site_structure, tmp_path, settings):
    """Three resources with a file_url and one whose stored PDF (3 pages) is over the page limit."""
    folder = tmp_path / "archivos"
    folder.mkdir()
    make_pdf(folder / "largo.pdf", ["Primera página.", "Segunda página.", "Tercera página."])
    records = [
        record_factory(external_id="prueba:archivos:roto", title="Libro con enlace roto"),
        record_factory(external_id="prueba:archivos:agotado", title="Libro sin más intentos"),
        record_factory(external_id="prueba:archivos:bien", title="Libro descargado"),
        record_factory(external_id="prueba:archivos:largo", title="Libro demasiado largo", file="largo.pdf"),
    ]
    result = run_command("import_catalog", str(write_catalog(records)), "--files", str(folder), "--no-progress")
    assert result.code == 0, result.stderr
    settings.ACERVO_INGEST_MAX_PAGES = 2
    ingest = run_command("ingest_files", "--no-progress")
    assert ingest.code == 1 and "El libro tiene 3 páginas; el máximo es 2." in ingest.stderr
    pages = {page.external_id: page for page in ResourcePage.objects.all()}
    soon = timezone.now() + timedelta(hours=2)
    FileFetch.objects.create(
        resource=pages["prueba:archivos:roto"],
        url="https://libros.example.org/roto.pdf",
        attempts=2,
        next_attempt_at=soon,
        last_error="el servidor respondió 404",
    )
    FileFetch.objects.create(
        resource=pages["prueba:archivos:agotado"],
        url="https://libros.example.org/agotado.pdf",
        status=FileFetch.Status.FAILED,
        attempts=6,
        last_error="«libros.example.org» lleva a una dirección interna (10.0.0.7)",
    )
    FileFetch.objects.create(
        resource=pages["prueba:archivos:bien"],
        url="https://libros.example.org/bien.pdf",
        status=FileFetch.Status.DONE,
        attempts=1,
    )
    return pages, soon


def test_nothing_failed_says_so_in_spanish_and_how_to_retry(admin_client, site_structure):
    html = admin_client.get(URL).content.decode()
    assert "Ninguna descarga ha fallado" in html
    assert "Ninguna lectura ha fallado" in html
    assert "python manage.py ingest_files --retry-failed" in html
    assert "Ninguna lectura ha fallado" in admin_client.get(READINGS_URL).content.decode()


def test_failed_downloads_show_resource_url_attempts_next_attempt_and_reason(admin_client, catalogue):
    pages, soon = catalogue
    html = admin_client.get(URL).content.decode()
    broken, exhausted = pages["prueba:archivos:roto"], pages["prueba:archivos:agotado"]
    assert f'href="/admin/pages/{broken.pk}/edit/"' in html and "Libro con enlace roto" in html
    assert "https://libros.example.org/roto.pdf" in html and "el servidor respondió 404" in html
    assert date_format(timezone.localtime(soon), "SHORT_DATETIME_FORMAT") in html
    assert f'href="/admin/pages/{exhausted.pk}/edit/"' in html
    assert "sin más reintentos" in html and "dirección interna (10.0.0.7)" in html
    # What will not be retried comes first; a finished download is no problem at all.
    assert html.index("Libro sin más intentos") < html.index("Libro con enlace roto")
    assert "Libro descargado" not in html and "bien.pdf" not in html

    rows = list(csv.DictReader(io.StringIO(_body(admin_client.get(URL + "?export=csv")))))
    assert [row["Recurso"] for row in rows] == ["Libro sin más intentos", "Libro con enlace roto"]
    assert rows[1]["Motivo"] == "el servidor respondió 404" and rows[1]["Intentos"] == "2"
    assert rows[0]["Estado"] == "Falló"
    xlsx = admin_client.get(URL + "?export=xlsx")
    assert xlsx.status_code == 200 and xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


def test_failed_readings_show_file_size_reason_and_the_resources_using_it(admin_client, catalogue):
    pages, _soon = catalogue
    long_book = pages["prueba:archivos:largo"]
    stored = long_book.stored_file
    html = admin_client.get(URL).content.decode()
    section = html[html.index("Lecturas fallidas") :]
    assert "largo.pdf" in section and stored.size_label in section
    assert "El libro tiene 3 páginas; el máximo es 2." in section
    assert f'href="/admin/pages/{long_book.pk}/edit/"' in section and "Libro demasiado largo" in section

    own_page = admin_client.get(READINGS_URL).content.decode()
    assert "El libro tiene 3 páginas" in own_page and f'href="/admin/pages/{long_book.pk}/edit/"' in own_page
    rows = list(csv.DictReader(io.StringIO(_body(admin_client.get(READINGS_URL + "?export=csv")))))
    assert rows == [
        {
            "Archivo": "largo.pdf",
            "SHA-256": stored.sha256,
            "Tamaño (bytes)": str(stored.size_bytes),
            "Motivo": "El libro tiene 3 páginas; el máximo es 2.",
            "Recursos que lo usan": "Libro demasiado largo",
        }
    ]


@pytest.mark.parametrize("make_user", [reviewer, administrator])
def test_reviewers_and_administrators_see_the_report_in_the_reports_menu(make_user, catalogue):
    _user, client = make_user()
    assert URL in client.get("/admin/").content.decode()
    assert "el servidor respondió 404" in client.get(URL).content.decode()
    assert client.get(READINGS_URL).status_code == 200


def test_an_editor_who_cannot_publish_neither_sees_nor_opens_it(catalogue):
    _user, client = editor()
    assert URL not in client.get("/admin/").content.decode()
    for url in (URL, URL + "resultados/", URL + "?export=csv", READINGS_URL, READINGS_URL + "?export=csv"):
        refused = client.get(url)
        assert refused.status_code in (302, 403), url
        assert "404" not in _body(refused) and "El libro tiene" not in _body(refused)


def test_more_failed_readings_than_the_section_holds_link_to_their_own_page(
    admin_client, catalogue, run_command, write_catalog, record_factory, tmp_path, monkeypatch
):
    make_pdf(tmp_path / "archivos" / "otro.pdf", ["Uno.", "Dos.", "Tres.", "Cuatro."])
    extra = record_factory(external_id="prueba:archivos:otro", title="Otro libro largo", file="otro.pdf")
    assert (
        run_command(
            "import_catalog",
            str(write_catalog([extra], name="otro.jsonl")),
            "--files",
            str(tmp_path / "archivos"),
            "--no-progress",
        ).code
        == 0
    )
    assert run_command("ingest_files", "--no-progress").code == 1
    monkeypatch.setattr(report, "READINGS_SHOWN", 1)
    html = admin_client.get(URL).content.decode()
    section = html[html.index("Lecturas fallidas") :]
    assert "2 archivos guardados no se pudieron leer." in section
    assert f'href="{READINGS_URL}"' in section
    assert section.count("el máximo es 2.") == 1
    own_page = admin_client.get(READINGS_URL).content.decode()
    assert own_page.count("el máximo es 2.") == 2
