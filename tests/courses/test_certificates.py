"""Certificates: issued the moment the completion rule holds; HTML, Open Badges 3.0 JSON and PDF."""

import io

import pytest
from django.test import Client
from pypdf import PdfReader

from courses.models import Certificate

from .conftest import put_progress


def _finish_course(client, tree):
    put_progress(client, tree.lessons[0], status="completed")
    put_progress(client, tree.lessons[1], status="completed")
    return client.post(
        f"/api/v1/quizzes/{tree.quiz.pk}/attempts/",
        {"answers": tree.answers(right=True)},
        content_type="application/json",
    ).json()


@pytest.fixture
def certificate(enrolled, course_tree):
    _finish_course(enrolled, course_tree)
    return Certificate.objects.get(user=enrolled.user)


def test_certificate_is_issued_exactly_when_the_last_requirement_is_met(enrolled, course_tree):
    put_progress(enrolled, course_tree.lessons[0], status="completed")
    wrong = enrolled.post(
        f"/api/v1/quizzes/{course_tree.quiz.pk}/attempts/",
        {"answers": course_tree.answers(right=False)},
        content_type="application/json",
    ).json()
    assert wrong["certificate"] is None
    # A failed quiz does not complete its lesson even when the learner marks it by hand.
    marked = put_progress(enrolled, course_tree.lessons[2], status="completed").json()
    assert marked["certificate"] is None and marked["percent_complete"] == 33
    passed = enrolled.post(
        f"/api/v1/quizzes/{course_tree.quiz.pk}/attempts/",
        {"answers": course_tree.answers(right=True)},
        content_type="application/json",
    ).json()
    assert passed["certificate"] is None and passed["percent_complete"] == 67
    assert not Certificate.objects.exists()
    last = put_progress(enrolled, course_tree.lessons[1], status="completed").json()
    assert last["percent_complete"] == 100
    # The optional lesson was never opened: the rule counts required lessons only.
    certificate = Certificate.objects.get(user=enrolled.user)
    assert last["certificate"] == {"code": certificate.code, "url": f"/certificados/{certificate.code}/"}
    [item] = enrolled.get("/api/v1/me/courses/").json()
    assert item["certificate"]["code"] == certificate.code


def test_certificate_is_issued_once_with_an_unguessable_code(enrolled, course_tree, other_learner):
    _finish_course(enrolled, course_tree)
    put_progress(enrolled, course_tree.lessons[0], status="completed")
    other_learner.post("/api/v1/courses/didactica/enrolment/")
    _finish_course(other_learner, course_tree)
    codes = list(Certificate.objects.values_list("code", flat=True))
    assert len(codes) == 2 and codes[0] != codes[1]
    assert all(len(code) == 20 and code.isalnum() for code in codes)


def test_verification_page_shows_holder_course_and_links(certificate):
    html = Client().get(f"/certificados/{certificate.code}/").content.decode()
    assert "Certificado válido" in html
    assert "Ana Pérez" in html
    assert "Didáctica de la lectura" in html
    assert f"/certificados/{certificate.code}.pdf" in html
    assert f"/certificados/{certificate.code}.json" in html


def test_open_badges_credential_has_the_ob3_shape(certificate, settings):
    settings.ACERVO_ISSUER_NAME = "SEP de prueba"
    settings.ACERVO_ISSUER_URL = "https://acervo.example.mx"
    response = Client().get(f"/certificados/{certificate.code}.json")
    assert response["Content-Type"].startswith("application/ld+json")
    badge = response.json()
    assert badge["@context"][0] == "https://www.w3.org/ns/credentials/v2"
    assert badge["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert badge["id"] == f"http://testserver/certificados/{certificate.code}.json"
    assert badge["issuer"] == {
        "id": "did:web:testserver",
        "type": ["Profile"],
        "name": "SEP de prueba",
        "url": "https://acervo.example.mx",
    }
    assert badge["validFrom"].startswith(str(certificate.issued_at.year))
    subject = badge["credentialSubject"]
    assert "AchievementSubject" in subject["type"]
    assert subject["achievement"]["type"] == ["Achievement"]
    assert subject["achievement"]["name"] == "Didáctica de la lectura"
    assert subject["achievement"]["criteria"]["narrative"]
    assert subject["identifier"][0]["identityHash"] == "Ana Pérez"


def test_printable_pdf_names_the_course_and_its_code(certificate):
    response = Client().get(f"/certificados/{certificate.code}.pdf")
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Didáctica de la lectura" in text
    assert certificate.code in text
    assert f"http://testserver/certificados/{certificate.code}/" in text
    assert reader.pages[0].images, "the QR code image is on the page"


@pytest.mark.parametrize("suffix", ["/", ".json", ".pdf"])
def test_wrong_code_is_404(certificate, suffix):
    assert Client().get(f"/certificados/ABCDEFGHJKLMNPQRSTUV{suffix}").status_code == 404
