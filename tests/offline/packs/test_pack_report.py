"""Informes → Paquetes sin conexión: every grade's pack with its state, only for those who may publish."""

from offline.packs.models import OfflinePack
from tests.oer.editorial_support import editor, reviewer

URL = "/admin/paquetes/"


def test_the_report_lists_each_pack_with_its_state(built_pack):
    OfflinePack.objects.create(level="secundaria", grade=2, status=OfflinePack.Status.FAILED, error="Disco lleno")
    _user, client = reviewer()
    response = client.get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Paquetes sin conexión" in page
    assert "Primaria" in page and "Listo" in page
    assert built_pack.size_label.replace("\xa0", " ") in page.replace("\xa0", " ")
    assert "Secundaria" in page and "Falló" in page and "Disco lleno" in page
    assert URL in client.get("/admin/").content.decode()  # under Informes

    export = client.get(URL + "?export=csv")
    assert export.status_code == 200
    body = b"".join(export.streaming_content).decode("utf-8-sig")
    assert "Nivel,Grado,Estado" in body and "primaria,5,Listo" in body


def test_empty_state_says_how_a_pack_appears(admin_client):
    assert "Aún no hay paquetes" in admin_client.get(URL).content.decode()


def test_an_editor_who_cannot_publish_cannot_open_it(site_structure):
    _user, client = editor()
    assert URL not in client.get("/admin/").content.decode()
    assert client.get(URL).status_code in (302, 403)
