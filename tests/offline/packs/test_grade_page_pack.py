"""The grade page offers its pack, built in the background and rebuilt only when the grade's content changes."""

import hashlib
import io
import json
import zipfile

from django.core.files.storage import default_storage

from oer.models import ResourcePage
from offline.packs.models import OfflinePack

from .conftest import DOWNLOAD, GRADE_PAGE, downloaded


def test_grade_page_shows_the_size_once_built(built_pack, client):
    assert built_pack.status == OfflinePack.Status.READY and built_pack.size_bytes > 0
    page = client.get(GRADE_PAGE).content.decode()
    assert f"Descargar para usar sin conexión (ZIP, {built_pack.size_label})" in page
    assert f'href="{DOWNLOAD}"' in page
    assert "Se está preparando" not in page


def test_download_streams_the_stored_pack(built_pack, client):
    response, body = downloaded(client)
    assert response["Content-Type"] == "application/zip"
    assert 'filename="primaria-5.zip"' in response["Content-Disposition"]
    assert int(response["Content-Length"]) == len(body) == built_pack.size_bytes
    assert hashlib.sha256(body).hexdigest() == built_pack.sha256
    archive = zipfile.ZipFile(io.BytesIO(body))
    manifest = json.loads(archive.read("manifest.json"))
    assert manifest["grade"] == 5
    assert "Múltiples lenguajes. Quinto grado" in archive.read("index.html").decode()


def test_download_of_an_unknown_or_unbuilt_grade_is_not_found(grade_catalog, client):
    assert client.get("/paquetes/primaria-9.zip").status_code == 404
    assert client.get("/paquetes/universidad-1.zip").status_code == 404
    assert client.get("/paquetes/primaria-4.zip").status_code == 404


def test_unchanged_content_is_not_rebuilt(built_pack, django_capture_on_commit_callbacks):
    other_grade = ResourcePage.objects.get(external_id="prueba:p4:cuarto").specific
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        other_grade.save_revision().publish()  # a publication schedules a check of every pack
    assert callbacks
    pack = OfflinePack.objects.get(pk=built_pack.pk)
    assert (pack.file.name, pack.built_at, pack.sha256) == (
        built_pack.file.name,
        built_pack.built_at,
        built_pack.sha256,
    )


def test_a_publication_in_the_grade_rebuilds_its_pack(built_pack, client, django_capture_on_commit_callbacks):
    book = ResourcePage.objects.get(external_id="prueba:p5:saberes").specific
    book.title = "Nuestros saberes. Quinto grado (2025)"
    with django_capture_on_commit_callbacks(execute=True):
        book.save_revision().publish()
    pack = OfflinePack.objects.get(pk=built_pack.pk)
    assert pack.fingerprint != built_pack.fingerprint and pack.built_at > built_pack.built_at
    assert pack.file.name != built_pack.file.name
    assert not default_storage.exists(built_pack.file.name)
    _response, body = downloaded(client)
    assert "Nuestros saberes. Quinto grado (2025)" in zipfile.ZipFile(io.BytesIO(body)).read("index.html").decode()


def test_an_unpublication_rebuilds_without_the_resource(built_pack, client, django_capture_on_commit_callbacks):
    video = ResourcePage.objects.get(external_id="prueba:p5:video").specific
    with django_capture_on_commit_callbacks(execute=True):
        video.unpublish()
    pack = OfflinePack.objects.get(pk=built_pack.pk)
    assert pack.built_at > built_pack.built_at
    _response, body = downloaded(client)
    archive = zipfile.ZipFile(io.BytesIO(body))
    assert "Fracciones en la cocina" not in archive.read("index.html").decode()
    assert "recursos/fracciones-en-la-cocina.html" not in archive.namelist()
