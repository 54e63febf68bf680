"""What a node makes of a source lesson's body: resource links re-pointed at its own copies, HTML sanitised."""

import pytest

from courses.models import CoursePage, LessonPage
from oer.models import ResourcePage

pytestmark = pytest.mark.django_db

HOSTILE = (
    '<p>Lee <b>con calma</b><script>alert("fuente")</script>'
    '<img src="x" onerror="alert(2)"><a href="javascript:alert(3)">aquí</a> '
    '<a href="https://example.org/guia" onclick="alert(4)">la guía</a></p>'
)

# Run on the source: one lesson linking a resource the node will copy and one it will not (unpublished).
SEED_LESSON = f"""
from wagtail.rich_text import RichText
from courses.models import CoursePage, LessonPage, ModulePage
from oer.models import ResourcePage
course = CoursePage.objects.get(slug="nem-en-el-aula")
course.description = {HOSTILE!r}
course.save_revision().publish()
module = ModulePage.objects.child_of(course).first()
kept = ResourcePage.objects.get(external_id="fuente:libro:000")
gone = ResourcePage.objects.get(external_id="fuente:libro:001")
lesson = LessonPage(title="Lección con recursos", slug="leccion-con-recursos", body=[
    ("paragraph", RichText({HOSTILE!r})),
    ("resource", {{"resource": kept, "note": "Capítulo 1"}}),
    ("resource", {{"resource": gone, "note": "Solo en la fuente"}}),
])
module.add_child(instance=lesson)
lesson.save_revision().publish()
gone.specific.unpublish()
"""


@pytest.fixture
def synced(source, run_command):
    source.instance.manage("shell", "-c", SEED_LESSON)
    result = run_command("sync_from", source.url)
    assert result.code == 0, result.stderr
    return LessonPage.objects.get(title="Lección con recursos")


def test_a_lesson_resource_link_points_at_the_nodes_own_copy(synced, client):
    local = ResourcePage.objects.get(external_id="fuente:libro:000")
    links = [block.value for block in synced.body if block.block_type == "resource"]

    assert [(link["resource"].pk, link["note"]) for link in links] == [(local.pk, "Capítulo 1")]
    assert not ResourcePage.objects.filter(external_id="fuente:libro:001").exists()
    response = client.get(synced.url)
    assert response.status_code == 200
    assert local.url in response.content.decode()


def test_source_html_arrives_sanitised(synced):
    course = CoursePage.objects.get(slug="nem-en-el-aula")
    paragraphs = [str(block.value) for block in synced.body if block.block_type == "paragraph"]

    for html in [course.description, *paragraphs]:
        assert "<b>con calma</b>" in html and 'href="https://example.org/guia"' in html
        for hostile in ("<script", "alert", "onerror", "onclick", "javascript:", "<img"):
            assert hostile not in html
