"""Caption tracks are public only while a public resource plays their asset; editors may still preview them."""

import pytest
from django.core.files.base import ContentFile
from wagtail.models import PageViewRestriction

from media.models import CaptionTrack, MediaAsset
from tests.factories import VideoLessonPageFactory
from tests.media.samples import VALID_VTT

pytestmark = pytest.mark.django_db


@pytest.fixture
def track(local_storage):
    asset = MediaAsset.objects.create(title="Fracciones", kind="video", content_type="video/mp4", size_bytes=16)
    asset.file.save("fracciones.mp4", ContentFile(b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 4))
    track = CaptionTrack(asset=asset, language="nah")
    track.file.save("fracciones-nah.vtt", ContentFile(VALID_VTT.encode()), save=False)
    track.save()
    return track


@pytest.fixture
def video(track, site_structure):
    return VideoLessonPageFactory(parent=site_structure, media_asset=track.asset, file_url="", captions=[])


def caption(client, track):
    return client.get(f"/medios/subtitulos/{track.pk}.vtt")


def test_the_track_of_a_published_video_is_served(client, track, video):
    response = caption(client, track)
    assert response.status_code == 200 and response.content.decode() == VALID_VTT
    assert f'src="/medios/subtitulos/{track.pk}.vtt"' in client.get(video.url).content.decode()


def test_the_track_of_an_unpublished_video_is_not_found_but_editors_still_preview_it(
    client, track, video, django_user_model
):
    video.unpublish()
    assert caption(client, track).status_code == 404

    editor = django_user_model.objects.create_superuser("editora", "editora@example.mx", "clave-segura-123")
    client.force_login(editor)
    preview = caption(client, track)
    assert preview.status_code == 200 and preview.content.decode() == VALID_VTT
    assert "public" not in preview["Cache-Control"]
    client.logout()

    video.save_revision().publish()
    assert caption(client, track).status_code == 200


def test_the_track_of_a_restricted_video_is_not_found(client, track, video, site_structure):
    restriction = PageViewRestriction.objects.create(
        page=site_structure, restriction_type=PageViewRestriction.PASSWORD, password="secreto"
    )
    assert caption(client, track).status_code == 404
    restriction.delete()
    assert caption(client, track).status_code == 200


def test_one_public_video_is_enough_to_serve_a_shared_asset(client, track, video, site_structure):
    VideoLessonPageFactory(parent=site_structure, media_asset=track.asset, file_url="", captions=[]).unpublish()
    assert caption(client, track).status_code == 200
    video.unpublish()
    assert caption(client, track).status_code == 404
