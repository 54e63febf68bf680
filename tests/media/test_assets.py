"""Video/audio assets with caption tracks in the admin; deleting them deletes their files."""

import pytest
from wagtail.images import get_image_model

from media.models import MediaAsset
from tests.media.samples import BROKEN_VTT, VALID_VTT, mp4_bytes, png_bytes, upload

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/snippets/acervo_media/mediaasset/add/"


def asset_form(file, caption=None, kind="video"):
    data = {
        "title": "Fracciones equivalentes",
        "kind": kind,
        "duration_seconds": "754",
        "transcript": "Hoy repartimos pizzas en partes iguales.",
        "file": file,
        "captions-TOTAL_FORMS": "1" if caption else "0",
        "captions-INITIAL_FORMS": "0",
        "captions-MIN_NUM_FORMS": "0",
        "captions-MAX_NUM_FORMS": "1000",
    }
    if caption:
        data.update(
            {
                "captions-0-language": "es",
                "captions-0-file": caption,
                "captions-0-ORDER": "1",
                "captions-0-id": "",
                "captions-0-DELETE": "",
            }
        )
    return data


def test_asset_with_captions_is_stored_with_its_track(editor_client, store):
    response = editor_client.post(
        ADD_URL, asset_form(upload("fracciones.mp4", mp4_bytes()), upload("fracciones.vtt", VALID_VTT))
    )
    assert response.status_code == 302, response.content.decode()[-3000:]
    asset = MediaAsset.objects.get()
    track = asset.captions.get()
    assert asset.content_type == "video/mp4" and asset.size_bytes == 2048
    assert track.language == "es"
    assert store.read(track.file.name).decode() == VALID_VTT
    assert sorted([asset.file.name, track.file.name]) == store.keys()


def test_broken_webvtt_is_refused_with_its_line(editor_client, store):
    response = editor_client.post(
        ADD_URL, asset_form(upload("fracciones.mp4", mp4_bytes()), upload("fracciones.vtt", BROKEN_VTT))
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "no son WebVTT válido, línea 6" in html
    assert not MediaAsset.objects.exists() and store.keys() == []


def test_caption_file_that_is_not_webvtt_is_refused(editor_client, store):
    response = editor_client.post(
        ADD_URL,
        asset_form(upload("clase.mp4", mp4_bytes()), upload("clase.vtt", "1\n00:00:01,000 --> 00:00:02,000\nHola\n")),
    )
    # An SRT file renamed .vtt: the editor is told what it really is and what is expected.
    assert "es texto (documento); aquí se acepta: WebVTT" in response.content.decode()
    assert not MediaAsset.objects.exists()


def test_video_file_must_really_be_video(editor_client, store):
    response = editor_client.post(ADD_URL, asset_form(upload("clase.mp4", png_bytes())))
    assert "El contenido de «clase.mp4» es PNG (imagen); aquí se acepta: MP4, WebM." in response.content.decode()
    assert not MediaAsset.objects.exists()


def test_deleting_an_asset_deletes_its_files(editor_client, store, django_capture_on_commit_callbacks):
    editor_client.post(ADD_URL, asset_form(upload("clase.mp4", mp4_bytes()), upload("clase.vtt", VALID_VTT)))
    asset = MediaAsset.objects.get()
    assert len(store.keys()) == 2
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(f"/admin/snippets/acervo_media/mediaasset/delete/{asset.pk}/")
    assert response.status_code == 302
    assert not MediaAsset.objects.exists()
    assert store.keys() == []


def test_deleting_an_image_deletes_its_renditions(editor_client, store, django_capture_on_commit_callbacks):
    editor_client.post("/admin/images/add/", {"title": "Portada", "file": upload("portada.png", png_bytes())})
    image = get_image_model().objects.get()
    image.get_rendition("fill-20x20")
    assert store.keys("images/") and store.keys("original_images/")
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(f"/admin/images/{image.pk}/delete/")
    assert store.keys() == []


def test_assets_are_listed_searchable_and_editable_in_the_admin(editor_client, store):
    editor_client.post(ADD_URL, asset_form(upload("fracciones.mp4", mp4_bytes()), upload("fracciones.vtt", VALID_VTT)))
    asset = MediaAsset.objects.get()
    dashboard = editor_client.get("/admin/").content.decode()
    assert "Videos y audios" in dashboard and "/admin/medios/subir/" in dashboard
    listing = editor_client.get("/admin/snippets/acervo_media/mediaasset/").content.decode()
    assert "Fracciones equivalentes" in listing
    edit = editor_client.get(f"/admin/snippets/acervo_media/mediaasset/edit/{asset.pk}/").content.decode()
    assert "Subtítulos" in edit and "Archivo WebVTT" in edit and "Hoy repartimos pizzas" in edit
