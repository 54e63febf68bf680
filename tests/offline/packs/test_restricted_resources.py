"""A resource behind a view restriction stays out of packs: exported, downloaded, and linked from a lesson."""

import io
import zipfile

from wagtail.models import PageViewRestriction

from offline.packs.models import OfflinePack

from .conftest import downloaded, read

VIDEO_TITLE = "Fracciones en la cocina"


def test_export_leaves_out_a_restricted_resource_and_its_files(grade_catalog, pack_course, export_pack):
    video = grade_catalog["prueba:p5:video"]
    PageViewRestriction.objects.create(page=video, restriction_type=PageViewRestriction.LOGIN)

    archive = export_pack("--course", "fracciones-en-casa")
    names = archive.namelist()
    assert VIDEO_TITLE not in read(archive, "index.html")
    assert "Nuestros saberes. Quinto grado" in read(archive, "index.html")
    assert not any("fracciones-en-la-cocina" in name for name in names)  # page, video, captions
    assert not any(name.endswith((".mp4", ".vtt")) for name in names)
    lesson = next(name for name in names if name.startswith("curso/leccion-"))
    assert "fracciones-en-la-cocina" not in read(archive, lesson)


def test_a_restriction_added_later_rebuilds_the_grade_pack_without_it_and_removing_it_brings_it_back(
    grade_catalog, built_pack, client, django_capture_on_commit_callbacks
):
    _response, body = downloaded(client)
    assert VIDEO_TITLE in zipfile.ZipFile(io.BytesIO(body)).read("index.html").decode()
    video = grade_catalog["prueba:p5:video"]

    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=video, restriction_type=PageViewRestriction.PASSWORD, password="secreto"
        )
    restricted = OfflinePack.objects.get(pk=built_pack.pk)
    assert restricted.status == OfflinePack.Status.READY and restricted.fingerprint != built_pack.fingerprint
    _response, body = downloaded(client)
    archive = zipfile.ZipFile(io.BytesIO(body))
    assert VIDEO_TITLE not in archive.read("index.html").decode()
    assert not any("fracciones-en-la-cocina" in name for name in archive.namelist())

    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert OfflinePack.objects.get(pk=built_pack.pk).fingerprint == built_pack.fingerprint
    _response, body = downloaded(client)
    assert VIDEO_TITLE in zipfile.ZipFile(io.BytesIO(body)).read("index.html").decode()
