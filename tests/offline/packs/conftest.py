"""A grade 5 catalogue with real stored files (PDFs read by the worker, a video with captions) and a course."""

import io
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from wagtail.rich_text import RichText

from courses.models import CoursePage, LessonPage, ModulePage, Quiz, TrackPage
from courses.site import ensure_course_index
from media.models import CaptionTrack, MediaAsset
from oer.models import ResourcePage, VideoLessonPage
from offline.packs.models import OfflinePack
from tests.factories import CatalogRecordFactory
from tests.oer.reader_support import import_files
from tests.pdf_factory import make_pdf

ORIGINAL_URL = "https://libros.conaliteg.gob.mx/2024/P5SIN.pdf"
GRADE_PAGE = "/recursos/primaria/5/"
DOWNLOAD = "/paquetes/primaria-5.zip"
VTT = "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nHola, grupo.\n"


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def grade_catalog(site_structure, tmp_path):
    """Grade 5: two stored books in two campos formativos, a fileless guide and a video; a grade 4 book."""
    folder = tmp_path / "catalogo"
    (folder / "libros").mkdir(parents=True)
    make_pdf(folder / "libros" / "lenguajes.pdf", ["Portada de Lenguajes", "Leemos en comunidad."])
    make_pdf(folder / "libros" / "saberes.pdf", ["Portada de Saberes", "El ciclo del agua.", "Las plantas."])
    make_pdf(folder / "libros" / "cuarto.pdf", ["Cuarto grado"])
    records = [
        CatalogRecordFactory(
            external_id="prueba:p5:lenguajes",
            title="Múltiples lenguajes. Quinto grado",
            file="libros/lenguajes.pdf",
            file_url=None,
            fields=["lenguajes"],
            subjects=["espanol"],
            accessibility=["macrotipo"],
        ),
        CatalogRecordFactory(
            external_id="prueba:p5:saberes",
            title="Nuestros saberes. Quinto grado",
            file="libros/saberes.pdf",
            file_url=None,
            fields=["saberes-y-pensamiento-cientifico"],
        ),
        CatalogRecordFactory(
            external_id="prueba:p5:guia",
            type="teacher_guide",
            title="Guía para el maestro. Quinto grado",
            file_url=ORIGINAL_URL,
            fields=["lenguajes"],
        ),
        CatalogRecordFactory(
            external_id="prueba:p4:cuarto",
            title="Libro de cuarto grado",
            file="libros/cuarto.pdf",
            file_url=None,
            grades=[4],
        ),
    ]
    pages = {page.external_id: page for page in import_files(folder, records)}
    pages["prueba:p5:video"] = video_with_captions(site_structure)
    return pages


def video_with_captions(index):
    asset = MediaAsset.objects.create(
        title="Fracciones en la cocina", kind="video", content_type="video/mp4", size_bytes=2048
    )
    asset.file.save("fracciones.mp4", ContentFile(b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 2036))
    track = CaptionTrack(asset=asset, language="es")
    track.file.save("fracciones-es.vtt", ContentFile(VTT.encode()), save=False)
    track.save()
    video = VideoLessonPage(
        title="Fracciones en la cocina",
        slug="fracciones-en-la-cocina",
        external_id="prueba:p5:video",
        levels=["primaria"],
        grades=[5],
        fields=["saberes-y-pensamiento-cientifico"],
        media_asset=asset,
        transcript="Hoy repartimos una pizza en partes iguales.",
    )
    return publish(index, video)


@pytest.fixture
def pack_course(grade_catalog):
    """A published course whose lesson shows the grade's video, links a book and ends in a quiz."""
    video = grade_catalog["prueba:p5:video"]
    book = ResourcePage.objects.get(external_id="prueba:p5:saberes")
    track = publish(ensure_course_index(), TrackPage(title="Familias", slug="familias"))
    course = publish(
        track,
        CoursePage(title="Fracciones en casa", slug="fracciones-en-casa", summary="Aprender fracciones.", hours=2),
    )
    module = publish(course, ModulePage(title="Repartir", slug="repartir"))
    paragraph = (
        '<p>Lee <a href="https://es.wikipedia.org/wiki/Fracci%C3%B3n">un artículo</a> y '
        f'<a linktype="page" id="{book.pk}">el libro</a>.</p>'
        '<p><a href="javascript:alert(1)">nada</a><img src="https://example.org/rastreo.gif" alt=""></p>'
    )
    lesson = LessonPage(
        title="Partes iguales",
        slug="partes-iguales",
        body=[
            ("heading", "Repartimos una pizza"),
            ("paragraph", RichText(paragraph)),
            ("video", {"resource": video, "url": "", "captions": []}),
            ("resource", {"resource": book, "note": "Páginas 10 a 12"}),
        ],
    )
    lesson.quizzes = [
        Quiz(
            title="Repaso",
            questions=[
                (
                    "question",
                    {
                        "text": "¿Cuántos cuartos hacen un entero?",
                        "choices": [
                            {"text": "Cuatro cuartos", "correct": True},
                            {"text": "Tres cuartos", "correct": False},
                        ],
                    },
                )
            ],
        )
    ]
    publish(module, lesson)
    return course


@pytest.fixture
def export_pack(run_command, tmp_path):
    """Run export_offline_pack for primaria 5 (plus arguments); the open zip."""

    def export(*extra):
        output = tmp_path / "quinto.zip"
        result = run_command(
            "export_offline_pack",
            "--level",
            "primaria",
            "--grade",
            "5",
            "--output",
            str(output),
            "--no-progress",
            *extra,
        )
        assert result.code == 0, result.stderr
        return zipfile.ZipFile(output)

    return export


def read(archive, path):
    return archive.read(path).decode("utf-8")


def quiet_command(*args):
    call_command(*args, stdout=io.StringIO(), stderr=io.StringIO())


@pytest.fixture
def built_pack(grade_catalog, client, django_capture_on_commit_callbacks):
    """The first visit to the grade page queues the build; the task backend of the tests runs it at commit."""
    with django_capture_on_commit_callbacks(execute=True):
        first = client.get(GRADE_PAGE)
    assert first.status_code == 200
    assert "Se está preparando…" in first.content.decode()
    return OfflinePack.objects.get(level="primaria", grade=5)


def downloaded(client):
    response = client.get(DOWNLOAD)
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    return response, body
