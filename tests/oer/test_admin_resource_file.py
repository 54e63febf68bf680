"""Editors attach or replace a resource's file on its edit page; the upload is checked like any other."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from media.models import StoredFile
from oer.models import TextbookPage
from tests.oer.editorial_support import editor, reviewer, textbook_form
from tests.pdf_factory import make_encrypted_pdf, make_pdf

pytestmark = pytest.mark.django_db


def _upload(path, name=None):
    return SimpleUploadedFile(name or path.name, path.read_bytes(), content_type="application/pdf")


def _create(client, index, **data):
    url = reverse("wagtailadmin_pages:add", args=("oer", "textbookpage", index.pk))
    return client.post(url, textbook_form(slug="libro-con-archivo", **data))


def test_an_editor_attaches_a_pdf_and_it_is_stored_by_content(site_structure, tmp_path, run_command):
    make_pdf(tmp_path / "libro.pdf", ["Portada del libro", "Las fracciones equivalentes valen lo mismo."])
    _user, client = editor()
    response = _create(client, site_structure, archivo=_upload(tmp_path / "libro.pdf"))
    assert response.status_code == 302, response.context["form"].errors
    page = TextbookPage.objects.get(slug="libro-con-archivo")
    revision = page.get_latest_revision_as_object()
    stored = StoredFile.objects.get()
    assert revision.stored_file_id == stored.pk
    assert stored.original_name == "libro.pdf"
    assert stored.mime_type == "application/pdf"
    # The edit page tells what is attached now.
    edit = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    assert "Archivo actual: libro.pdf (application/pdf" in edit.content.decode()
    assert run_command("ingest_files", "--no-progress").code == 0
    stored.refresh_from_db()
    assert stored.page_count == 2


def test_replacing_the_file_points_the_next_revision_at_the_new_bytes(site_structure, tmp_path):
    _user, client = reviewer()
    make_pdf(tmp_path / "v1.pdf", ["Primera edición"])
    make_pdf(tmp_path / "v2.pdf", ["Segunda edición", "con una página más"])
    assert (
        _create(client, site_structure, archivo=_upload(tmp_path / "v1.pdf"), action_publish="publish").status_code
        == 302
    )
    page = TextbookPage.objects.get(slug="libro-con-archivo")
    data = textbook_form(slug=page.slug, archivo=_upload(tmp_path / "v2.pdf"), action_publish="publish")
    response = client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), data)
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.stored_file.original_name == "v2.pdf"
    assert StoredFile.objects.count() == 2


@pytest.mark.parametrize(
    "maker, name, message",
    [
        (lambda p: p.write_text("<!doctype html><title>x</title>"), "libro.pdf", "es una página HTML o XML"),
        (lambda p: p.write_bytes(b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 64), "libro.mp4", "es MP4"),
        (make_encrypted_pdf, "libro.pdf", "protegido con contraseña"),
    ],
)
def test_a_file_that_does_not_fit_is_refused_in_spanish_and_nothing_is_saved(
    site_structure, tmp_path, maker, name, message
):
    path = tmp_path / name
    maker(path)
    response = _create(editor()[1], site_structure, archivo=_upload(path, name))
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors.get("archivo", []))
    assert message in errors
    assert "Este tipo de recurso necesita PDF" in errors
    assert not TextbookPage.objects.filter(slug="libro-con-archivo").exists()
    assert not StoredFile.objects.exists()
