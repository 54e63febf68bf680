"""The admin's course import: upload form and the same per-file report, for course publishers only."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

from courses.models import CoursePage
from courses.site import ensure_course_index
from oer.editorial import roles


def staff(username, group):
    user = get_user_model().objects.create_user(username, password="clave-larga-123", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    client = Client()
    client.force_login(user)
    return client


def upload(client, path, **data):
    with open(path, "rb") as handle:
        return client.post("/admin/importar-curso/", {"package": handle, **data})


def test_publishers_import_and_see_the_report(site_structure, realistic_cartridge, tmp_path):
    ensure_course_index()
    reviewer = staff("revisora", roles.REVIEWERS)
    page = reviewer.get("/admin/importar-curso/")
    assert page.status_code == 200 and "Paquete del curso" in page.content.decode()
    assert "Importar curso" in reviewer.get("/admin/").content.decode()

    refused = upload(reviewer, realistic_cartridge)
    html = refused.content.decode()
    assert refused.status_code == 400 and "no se importó nada" in html
    assert "foros/comparte-una-estrategia.xml" in html and "foro de discusión" in html
    assert not CoursePage.objects.exists()

    done = upload(reviewer, realistic_cartridge, skip_unsupported="on")
    html = done.content.decode()
    assert done.status_code == 200 and "Curso «Evaluación formativa en el aula» importado" in html
    assert "Omitido" in html
    course = CoursePage.objects.get(slug="cc-evaluacion-formativa-2026")
    assert course.live and course.get_latest_revision().user.username == "revisora"

    wrong = tmp_path / "notas.txt"
    wrong.write_text("hola")
    bad = upload(reviewer, wrong)
    assert bad.status_code == 400 and "El archivo debe terminar en .imscc, .zip o .tar.gz." in bad.content.decode()


def test_editors_who_cannot_publish_do_not_get_the_import(site_structure, realistic_cartridge):
    ensure_course_index()
    editor = staff("editor", roles.EDITORS)
    assert editor.get("/admin/importar-curso/").status_code in (302, 403)
    assert upload(editor, realistic_cartridge, skip_unsupported="on").status_code in (302, 403)
    assert "importar-curso" not in editor.get("/admin/").content.decode()
    assert not CoursePage.objects.exists()
