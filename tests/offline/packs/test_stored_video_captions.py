"""A video whose file is stored gets, in the pack, every caption its public page offers."""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse

from acervo import public_address
from media.models import CaptionTrack, MediaAsset
from oer.models import ResourcePage
from tests.factories import CatalogRecordFactory
from tests.oer.reader_support import import_files

from .conftest import VTT, read

OUTSIDE_VTT = "https://subtitulos.example.org/clase-en.vtt"
MP4 = b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 2036


def stored_video(tmp_path):
    """A grade 5 video imported with its file, listing three caption URLs: two held here, one outside."""
    uploaded = CaptionTrack(asset=MediaAsset.objects.create(title="Pistas", kind="video"), language="nah")
    uploaded.file.save("clase-nah.vtt", ContentFile(b"WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nNiltze.\n"))
    media_name = default_storage.save("subtitulos/clase-es.vtt", ContentFile(VTT.encode()))
    folder = tmp_path / "videos"
    folder.mkdir()
    (folder / "clase.mp4").write_bytes(MP4)
    record = CatalogRecordFactory(
        external_id="prueba:p5:clase",
        type="video",
        title="Clase de fracciones",
        file="clase.mp4",
        file_url=None,
        captions=[
            {"language": "es", "url": public_address.absolute(default_storage.url(media_name))},
            {"language": "nah", "url": public_address.absolute(reverse("acervo_media_caption", args=[uploaded.pk]))},
            {"language": "en", "url": OUTSIDE_VTT},
        ],
    )
    return import_files(folder, [record])[0]


def test_the_resource_page_offers_what_the_pack_carries(grade_catalog, tmp_path, client):
    video = stored_video(tmp_path)
    assert video.stored_file is not None
    public = client.get(video.url).content.decode()
    assert public.count("<track ") == 3


def test_held_captions_are_copied_and_outside_ones_linked(grade_catalog, tmp_path, export_pack):
    video = stored_video(tmp_path)
    archive = export_pack()
    page = read(archive, f"recursos/{video.slug}.html")
    assert f'<video controls preload="none" src="../archivos/{video.slug}.mp4"' in page
    assert page.count("<track ") == 2
    assert f'srclang="es" label="Español" src="../archivos/{video.slug}-es-1.vtt" default>' in page
    assert f'srclang="nah" label="Náhuatl" src="../archivos/{video.slug}-nah-2.vtt">' in page
    assert read(archive, f"archivos/{video.slug}-es-1.vtt") == VTT
    assert "Niltze." in read(archive, f"archivos/{video.slug}-nah-2.vtt")
    assert f'<a class="requiere-internet" rel="external" href="{OUTSIDE_VTT}" hreflang="en">Inglés</a>' in page
    assert "Subtítulos en línea" in page and "(requiere internet)" in page
    assert not any(name.endswith("-en-3.vtt") for name in archive.namelist())


def test_a_caption_address_of_this_site_that_holds_nothing_is_left_out(grade_catalog, tmp_path, export_pack):
    video = stored_video(tmp_path)
    page = ResourcePage.objects.get(pk=video.pk).specific
    page.captions = [
        {"language": "es", "url": public_address.absolute("/media/subtitulos/no-existe.vtt")},
        {"language": "es", "url": public_address.absolute("/media/../../etc/passwd.vtt")},
    ]
    page.save_revision().publish()
    archive = export_pack()
    html = read(archive, f"recursos/{video.slug}.html")
    assert "<track " not in html
    assert "no-existe" in html  # listed as a link that needs the internet, like any outside address
