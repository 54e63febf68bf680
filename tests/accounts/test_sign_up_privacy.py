"""Sign-up answers the same whether or not the address already has an account; the owner is told by mail."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from tests.courses.test_password_reset import make_user, sign_up

pytestmark = pytest.mark.django_db

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


@pytest.fixture(params=[False, True], ids=["sin-verificacion", "con-verificacion"])
def verification(request, settings, site_structure):
    settings.ACERVO_REQUIRE_EMAIL_VERIFICATION = request.param
    settings.ACERVO_BASE_URL = "http://testserver"
    return request.param


def answer(**fields):
    client = Client()
    response = sign_up(client, next="/cursos/", **fields)
    landing = client.get(response["Location"])
    return response, landing, CSRF.sub("", landing.content.decode())


def test_an_address_with_an_account_gets_the_same_answer_as_a_new_one(verification):
    make_user(username="ana", email="Ana@Escuela.mx")

    taken, taken_landing, taken_body = answer(username="otra", email="ana@ESCUELA.MX")
    new, new_landing, new_body = answer(username="nueva", email="nueva@escuela.mx")

    assert (taken.status_code, taken["Location"]) == (new.status_code, new["Location"]) == (302, new["Location"])
    assert taken_landing.status_code == new_landing.status_code == 200
    assert taken_body == new_body
    assert "Revisa tu correo" in new_body or "Confirma tu correo" in new_body
    assert not get_user_model().objects.filter(username="otra").exists()
    assert get_user_model().objects.filter(username="nueva").exists()


def test_the_owner_is_told_and_offered_a_password_reset(verification):
    make_user(username="ana", email="ana@escuela.mx")

    answer(username="otra", email="ANA@escuela.mx")
    answer(username="otra", email="ANA@escuela.mx")  # a second try in the window sends nothing more

    notes = [message for message in mail.outbox if message.to == ["ana@escuela.mx"]]
    assert len(notes) == 1
    assert notes[0].subject == "Alguien intentó crear una cuenta de Acervo con tu correo"
    assert "Tu usuario es ana" in notes[0].body
    assert "http://testserver/cuentas/contrasena/" in notes[0].body


def test_a_new_account_without_verification_is_ready_and_logs_in(settings, site_structure):
    settings.ACERVO_REQUIRE_EMAIL_VERIFICATION = False
    client = Client()
    response = sign_up(client, next="/cursos/")
    assert response["Location"] == "/cuentas/registro/enviado/?next=%2Fcursos%2F"
    assert not client.get("/mi-aprendizaje/").wsgi_request.user.is_authenticated
    assert [message.subject for message in mail.outbox] == ["Tu cuenta de Acervo está lista"]

    logged = client.post("/cuentas/entrar/?next=/cursos/", {"username": "maestra", "password": "una-clave-larga-2024"})
    assert logged.status_code == 302 and logged["Location"] == "/cursos/"


def test_a_taken_username_is_still_a_form_error(site_structure):
    make_user(username="maestra", email="ana@escuela.mx")
    response = sign_up(Client(), email="otra@escuela.mx")
    assert response.status_code == 200
    assert "Un usuario con ese nombre ya existe" in response.content.decode()
