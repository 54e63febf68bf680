"""Pack pages carry editors' rich text through an allowlist: nothing that runs or loads survives, the text does."""

import re

import pytest
from wagtail.rich_text import RichText

from courses.models import CoursePage, LessonPage, ModulePage, TrackPage
from courses.site import ensure_course_index
from tests.factories import TextbookPageFactory

from .conftest import publish, read

pytestmark = pytest.mark.django_db

HOSTILE = (
    "<p>Antes de leer, <b>observa</b> la portada.<script>alert('lección')</script></p>"
    '<p><img src="x" onerror="alert(1)">Mira <a href="javascript:alert(2)">esto</a> y '
    '<a href="https://es.wikipedia.org/wiki/Fracci%C3%B3n" onclick="alert(3)" style="color:red">un artículo</a>.</p>'
    '<iframe src="https://rastreo.example.org/"></iframe>'
    '<ul><li style="position:fixed" onmouseover="alert(4)">Primera idea</li></ul>'
    '<p><a linktype="page" id="{book}">el libro</a> <a href="data:text/html,hola">datos</a></p>'
    "<svg><script>alert(5)</script></svg><style>body{{display:none}}</style>"
    '<form action="https://rastreo.example.org/"><input name="q"></form>'
)


@pytest.fixture
def hostile_course(site_structure):
    book = TextbookPageFactory(parent=site_structure, title="Nuestros saberes", slug="nuestros-saberes", grades=[5])
    track = publish(ensure_course_index(), TrackPage(title="Familias", slug="familias"))
    course = publish(
        track,
        CoursePage(
            title="Lectura compartida",
            slug="lectura-compartida",
            summary="Leer juntos.",
            description=HOSTILE.format(book=book.pk),
        ),
    )
    module = publish(course, ModulePage(title="Leer", slug="leer"))
    publish(
        module,
        LessonPage(title="Portadas", slug="portadas", body=[("paragraph", RichText(HOSTILE.format(book=book.pk)))]),
    )
    return course


def assert_harmless(text):
    lowered = text.lower()
    for needle in ("<script", "alert(", "onerror", "onclick", "onmouseover", "<iframe", "<img", "<svg", "<form"):
        assert needle not in lowered, needle
    assert "javascript:" not in lowered and "data:text" not in lowered
    assert not re.search(r"\sstyle=", lowered)
    assert "rastreo.example.org" not in lowered and "display:none" not in lowered


def test_rich_text_in_a_pack_keeps_text_and_links_and_drops_everything_that_runs(hostile_course, export_pack):
    archive = export_pack("--course", "lectura-compartida")
    course = read(archive, "curso/index.html")
    lesson_name = next(name for name in archive.namelist() if name.startswith("curso/leccion-"))
    lesson = read(archive, lesson_name)
    for page in (course, lesson):
        body = page[page.index("<main") :] if "<main" in page else page
        assert_harmless(body)
        assert "Antes de leer, <b>observa</b> la portada." in body
        assert "<li>Primera idea</li>" in body
        assert ">esto</a>" in body and ">datos</a>" in body  # the words stay, the address goes
        assert re.search(
            r'<a href="https://es.wikipedia.org/wiki/Fracci%C3%B3n" class="requiere-internet" rel="external">'
            r"un artículo</a>",
            body,
        )
        assert 'href="../recursos/nuestros-saberes.html">el libro</a>' in body
    for name in archive.namelist():
        if name.endswith(".html"):
            assert "alert(" not in read(archive, name), name
