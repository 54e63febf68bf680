"""Revoking a certificate: the command, the admin action for course publishers, the page and the status list."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone
from openbadgeslib.ob3 import decode_encoded_list, set_indices

from courses.credentials import status_list
from courses.models import Certificate
from oer.editorial.roles import EDITORS, REVIEWERS

from .credential_support import signing_key_file  # noqa: F401
from .test_certificates import _finish_course
from .test_signed_credentials import _segments


@pytest.fixture
def certificate(enrolled, course_tree):
    _finish_course(enrolled, course_tree)
    return Certificate.objects.get(user=enrolled.user)


def _staff(username, group):
    user = get_user_model().objects.create_user(username, password="clave-larga-123", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    client = Client()
    client.force_login(user)
    return client


def _revoked_positions(number=0):
    token = Client().get(f"/certificados/estado/{number}.jwt").content.decode()
    subject = _segments(token)[1]["credentialSubject"]
    return set_indices(decode_encoded_list(subject["encodedList"]))


def test_command_revokes_and_the_page_says_revocada_with_date_and_reason(certificate, run_command, signing_key_file):
    position = certificate.status_index % status_list.LIST_SIZE
    assert position not in _revoked_positions()

    result = run_command("revoke_certificate", certificate.code, "--reason", "  Emitido   por error ")
    assert result.code == 0 and certificate.code in result.stdout

    certificate.refresh_from_db()
    assert certificate.revocation_reason == "Emitido por error"
    html = Client().get(f"/certificados/{certificate.code}/").content.decode()
    assert "Revocada" in html and "Emitido por error" in html and "Certificado válido" not in html
    assert f'datetime="{timezone.localtime(certificate.revoked_at).date().isoformat()}T' in html
    # An independent decoder reads the certificate's bit as set, and no other.
    assert _revoked_positions() == {position}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["NOEXISTE2345678ABCDE", "--reason", "x"], "No existe un certificado con el folio"),
        (["{code}", "--reason", "   "], "Escriba el motivo"),
        (["{code}", "--reason", "x" * 501], "no debe pasar de 500 caracteres"),
    ],
)
def test_command_refuses_what_it_cannot_revoke(certificate, run_command, args, message):
    result = run_command("revoke_certificate", *[arg.format(code=certificate.code) for arg in args])
    assert result.code == 1 and message in result.stderr
    certificate.refresh_from_db()
    assert certificate.revoked_at is None


def test_revoking_twice_says_since_when(certificate, run_command):
    assert run_command("revoke_certificate", certificate.code, "--reason", "Plagio").code == 0
    again = run_command("revoke_certificate", certificate.code, "--reason", "Otra vez")
    assert again.code == 1 and "ya estaba revocado desde" in again.stderr
    certificate.refresh_from_db()
    assert certificate.revocation_reason == "Plagio"


def test_course_publishers_revoke_from_the_admin(certificate, signing_key_file):
    reviewer = _staff("revisora", REVIEWERS)
    listing = reviewer.get("/admin/certificados/", {"q": certificate.code})
    assert listing.status_code == 200
    assert certificate.code in listing.content.decode() and "Vigente" in listing.content.decode()

    form = reviewer.get(f"/admin/certificados/edit/{certificate.pk}/")
    assert "Motivo de la revocación" in form.content.decode()
    blank = reviewer.post(f"/admin/certificados/edit/{certificate.pk}/", {"revocation_reason": " "})
    assert blank.status_code == 200 and "Escriba el motivo" in blank.content.decode()
    certificate.refresh_from_db()
    assert certificate.revoked_at is None

    done = reviewer.post(f"/admin/certificados/edit/{certificate.pk}/", {"revocation_reason": "Calificación anulada"})
    assert done.status_code == 302
    certificate.refresh_from_db()
    assert certificate.revocation_reason == "Calificación anulada"
    assert "Revocada" in Client().get(f"/certificados/{certificate.code}/").content.decode()
    assert "Revocada el" in reviewer.get("/admin/certificados/").content.decode()
    history = reviewer.get(f"/admin/certificados/history/{certificate.pk}/").content.decode()
    assert "Calificación anulada" in history
    assert _revoked_positions() == {certificate.status_index % status_list.LIST_SIZE}


def test_editors_who_cannot_publish_courses_cannot_revoke(certificate):
    editor = _staff("editor", EDITORS)
    assert "/admin/certificados/" not in editor.get("/admin/").content.decode()
    assert editor.get("/admin/certificados/").status_code in (302, 403)
    editor.post(f"/admin/certificados/edit/{certificate.pk}/", {"revocation_reason": "No me gusta"})
    certificate.refresh_from_db()
    assert certificate.revoked_at is None
    assert Client().get("/admin/certificados/").status_code == 302  # to the log-in page


def test_certificates_are_not_created_or_deleted_in_the_admin(certificate):
    admin = get_user_model().objects.create_superuser("jefa", "j@example.mx", "clave-larga-123")
    client = Client()
    client.force_login(admin)
    assert client.get("/admin/certificados/").status_code == 200
    assert client.get("/admin/certificados/new/").status_code in (302, 403)
    client.post(f"/admin/certificados/delete/{certificate.pk}/")
    assert Certificate.objects.filter(pk=certificate.pk).exists()


def test_status_lists_beyond_those_in_use_do_not_exist(certificate, signing_key_file):
    assert Client().get("/certificados/estado/0.jwt").status_code == 200
    assert Client().get("/certificados/estado/1.jwt").status_code == 404
