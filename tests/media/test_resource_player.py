"""A video resource page plays its uploaded asset, with caption tracks served by the site."""

import pytest

from media.models import MediaAsset
from tests.factories import VideoLessonPageFactory
from tests.media.samples import VALID_VTT, mp4_bytes, png_bytes, upload

pytestmark = pytest.mark.django_db


def uploaded_asset(client):
    client.post("/admin/images/add/", {"title": "Cuadro", "file": upload("cuadro.png", png_bytes(320, 180))})
    from wagtail.images import get_image_model

    poster = get_image_model().objects.get()
    client.post(
        "/admin/snippets/acervo_media/mediaasset/add/",
        {
            "title": "Fracciones",
            "kind": "video",
            "file": upload("fracciones.mp4", mp4_bytes()),
            "poster": str(poster.pk),
            "transcript": "",
            "duration_seconds": "",
            "captions-TOTAL_FORMS": "1",
            "captions-INITIAL_FORMS": "0",
            "captions-MIN_NUM_FORMS": "0",
            "captions-MAX_NUM_FORMS": "1000",
            "captions-0-language": "nah",
            "captions-0-file": upload("fracciones.vtt", VALID_VTT),
            "captions-0-ORDER": "1",
            "captions-0-id": "",
            "captions-0-DELETE": "",
        },
    )
    return MediaAsset.objects.get()


def test_video_page_plays_the_uploaded_asset_with_its_captions(editor_client, client, store, site_structure):
    asset = uploaded_asset(editor_client)
    page = VideoLessonPageFactory(parent=site_structure, media_asset=asset, file_url="", captions=[])
    track = asset.captions.get()

    html = client.get(page.url).content.decode()
    video = html[html.index("<video") : html.index("</video>")]
    # Signed S3 URLs change by the second, so the stored name is what is compared.
    assert asset.file.url.split("?")[0] in video and asset.file.name in video
    assert f'src="/medios/subtitulos/{track.pk}.vtt"' in html and 'srclang="nah"' in html
    assert 'poster="' in html

    response = client.get(f"/medios/subtitulos/{track.pk}.vtt")
    assert response["Content-Type"].startswith("text/vtt")
    assert response.content.decode() == VALID_VTT


def test_video_page_without_asset_keeps_its_file_url(client, site_structure, local_storage):
    page = VideoLessonPageFactory(parent=site_structure, file_url="https://videos.example.mx/clase.mp4")
    html = client.get(page.url).content.decode()
    assert 'src="https://videos.example.mx/clase.mp4"' in html


def test_unknown_caption_track_is_not_found(client, db):
    assert client.get("/medios/subtitulos/999.vtt").status_code == 404


def test_editor_picks_an_uploaded_asset_in_the_video_page_form(editor_client, site_structure, local_storage):
    html = editor_client.get(f"/admin/pages/add/oer/videolessonpage/{site_structure.pk}/").content.decode()
    assert 'name="media_asset"' in html
    assert "/admin/snippets/choose/acervo_media/mediaasset/" in html
