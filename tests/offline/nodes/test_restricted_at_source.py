"""A resource that goes behind a view restriction at the source is retired on the node at the next sync."""

import pytest

from oer.models import ResourcePage
from offline.nodes.models import SyncRun

pytestmark = pytest.mark.django_db


def restrict(source, external_id):
    code = (
        "from wagtail.models import PageViewRestriction; from oer.models import ResourcePage; "
        f"page = ResourcePage.objects.get(external_id={external_id!r}); "
        "PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)"
    )
    source.instance.manage("shell", "-c", code)


def test_a_resource_restricted_at_the_source_is_retired_here(source, run_command, node_key):
    assert run_command("sync_from", source.url).code == 0
    hidden = source.records[2]["external_id"]
    assert ResourcePage.objects.get(external_id=hidden).live

    restrict(source, hidden)
    result = run_command("sync_from", source.url)

    assert result.code == 0, result.stderr
    run = SyncRun.objects.order_by("-started", "-id").first()
    assert run.counts["identifiers"] == 1 and run.counts["retired"] == 1
    assert not ResourcePage.objects.get(external_id=hidden).live
    assert ResourcePage.objects.live().count() == len(source.records) - 1


def test_a_course_export_names_no_restricted_resource(client, site_structure):
    from wagtail.models import PageViewRestriction

    from courses.models import CoursePage, LessonPage, ModulePage, TrackPage
    from courses.site import ensure_course_index
    from tests.factories import TextbookPageFactory

    def publish(parent, page):
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page

    shown = TextbookPageFactory(parent=site_structure, external_id="fuente:libro:abierto")
    hidden = TextbookPageFactory(parent=site_structure, external_id="fuente:libro:restringido")
    track = publish(ensure_course_index(), TrackPage(title="Formación", slug="formacion"))
    course = publish(track, CoursePage(title="Leer en comunidad", slug="leer-en-comunidad", summary="Leer."))
    module = publish(course, ModulePage(title="Uno", slug="uno"))
    body = [("resource", {"resource": page, "note": ""}) for page in (shown, hidden)]
    publish(module, LessonPage(title="Libros", slug="libros", body=body))

    def linked():
        lesson = client.get("/nodos/cursos/leer-en-comunidad.json").json()["modules"][0]["lessons"][0]
        return [block["value"]["resource"] for block in lesson["body"]]

    assert linked() == ["fuente:libro:abierto", "fuente:libro:restringido"]
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)
    assert linked() == ["fuente:libro:abierto"]
