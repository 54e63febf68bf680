"""Optional mail verification at sign-up, through a real SMTP server: the account cannot sign in until the
link in the mail is opened, the link can be asked for again, and a forged or old link is refused."""

import re
import socket

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from accounts.models import PendingEmailVerification
from tests.courses.test_password_reset import sign_up

PASSWORD = "una-clave-larga-2024"


@pytest.fixture
def verification_on(settings, site_structure):
    settings.ACERVO_REQUIRE_EMAIL_VERIFICATION = True
    settings.ACERVO_BASE_URL = "http://testserver"


def link_in(message):
    return re.search(r"http://testserver(/cuentas/verificar/[^/\s]+/)", message.get_content()).group(1)


def log_in(client):
    return client.post("/cuentas/entrar/", {"username": "maestra", "password": PASSWORD})


def test_a_new_account_waits_for_the_link_in_its_mail(verification_on, smtp_server):
    client = Client()
    response = sign_up(client)
    assert response.status_code == 302 and response["Location"] == "/cuentas/verificar/"
    assert "Te enviamos un correo" in client.get("/cuentas/verificar/").content.decode()
    assert not client.get("/mi-aprendizaje/").wsgi_request.user.is_authenticated

    assert len(smtp_server.messages) == 1
    recipients, message = smtp_server.messages[0]
    assert recipients == ["lucia@escuela.mx"] and message["Subject"] == "Confirma tu correo en Acervo"
    assert "Hola, Lucía:" in message.get_content()

    refused = log_in(client)
    html = refused.content.decode()
    assert refused.status_code == 200 and "confirma tu correo con el enlace" in html
    assert 'href="/cuentas/verificar/"' in html

    # Asked again at once: the same answer, no second mail within the minute.
    again = client.post("/cuentas/verificar/", {"email": "LUCIA@escuela.mx"}, follow=True)
    assert "te enviamos el enlace otra vez" in again.content.decode()
    assert len(smtp_server.messages) == 1
    PendingEmailVerification.objects.update(last_sent_at=None)
    client.post("/cuentas/verificar/", {"email": "LUCIA@escuela.mx"})
    assert len(smtp_server.messages) == 2

    confirmed = client.get(link_in(smtp_server.messages[1][1]))
    assert confirmed.status_code == 200 and "Correo confirmado" in confirmed.content.decode()
    logged = log_in(client)
    assert logged.status_code == 302 and logged["Location"] == "/mi-aprendizaje/"
    # The first link is still good until it expires; opening it again changes nothing.
    assert client.get(link_in(smtp_server.messages[0][1])).status_code == 200


def test_a_forged_expired_or_outdated_link_is_refused(verification_on, smtp_server, settings):
    sign_up(Client())
    link = link_in(smtp_server.messages[0][1])
    forged = Client().get(link[:-3] + "xx/")
    assert forged.status_code == 400 and "El enlace no sirve" in forged.content.decode()

    user = get_user_model().objects.get()
    user.email = "otra@escuela.mx"
    user.save()
    assert Client().get(link).status_code == 400
    user.email = "lucia@escuela.mx"
    user.save()

    settings.ACERVO_EMAIL_VERIFICATION_DAYS = -1
    assert Client().get(link).status_code == 400
    assert PendingEmailVerification.objects.filter(user=user).exists()


def test_an_unknown_address_gets_the_same_answer_and_no_mail(verification_on, smtp_server):
    response = Client().post("/cuentas/verificar/", {"email": "nadie@escuela.mx"}, follow=True)
    assert "te enviamos el enlace otra vez" in response.content.decode()
    invalid = Client().post("/cuentas/verificar/", {"email": "no-es-correo"})
    assert invalid.status_code == 400 and "correo electrónico válida" in invalid.content.decode()
    assert smtp_server.messages == []


def test_when_the_mail_cannot_be_sent_no_account_is_kept(verification_on, settings):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", closed_port
    response = sign_up(Client())
    assert response.status_code == 503
    assert "No pudimos enviar el correo de confirmación" in response.content.decode()
    assert not get_user_model().objects.exists() and not PendingEmailVerification.objects.exists()


def test_without_the_setting_the_account_works_at_once_without_a_link(site_structure):
    client = Client()
    assert sign_up(client)["Location"] == "/cuentas/registro/enviado/"
    assert [message.subject for message in mail.outbox] == ["Tu cuenta de Acervo está lista"]
    assert not PendingEmailVerification.objects.exists()
    assert log_in(client)["Location"] == "/mi-aprendizaje/"
