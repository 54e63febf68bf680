"""Sign-up asks for an email, and a forgotten password comes back by mail through a real SMTP server."""

import re
import socket
from email import message_from_bytes
from email.policy import default as email_policy

import pytest
from aiosmtpd.controller import Controller
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client


class Inbox:
    """aiosmtpd handler keeping every message it accepts."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, message_from_bytes(envelope.content, policy=email_policy)))
        return "250 OK"


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on loopback; the site sends through it as EMAIL_HOST would configure."""
    inbox = Inbox()
    with socket.socket() as probe:  # a free port: aiosmtpd checks readiness by connecting to the one it is given
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = False
    settings.DEFAULT_FROM_EMAIL = "Acervo <no-responder@acervo.test>"
    yield inbox
    controller.stop()


def make_user(username="ana", email="ana@escuela.mx", password="contraseña-vieja-123"):
    return get_user_model().objects.create_user(username, email, password, first_name="Ana")


def sign_up(client, **fields):
    data = {
        "username": "maestra",
        "first_name": "Lucía",
        "email": "lucia@escuela.mx",
        "password1": "una-clave-larga-2024",
        "password2": "una-clave-larga-2024",
        **fields,
    }
    return client.post("/cuentas/registro/", data)


def test_sign_up_requires_a_valid_email(site_structure):
    missing = sign_up(Client(), email="")
    assert missing.status_code == 200 and "Este campo es necesario" in missing.content.decode()
    invalid = sign_up(Client(), email="no-es-correo")
    assert invalid.status_code == 200 and "correo electrónico válida" in invalid.content.decode()
    assert not get_user_model().objects.exists()
    assert sign_up(Client()).status_code == 302
    assert get_user_model().objects.get().email == "lucia@escuela.mx"


def test_sign_up_never_creates_a_second_account_for_an_email_whatever_its_case(site_structure):
    make_user(email="Ana@Escuela.mx")
    response = sign_up(Client(), email="ana@ESCUELA.MX")
    assert response.status_code == 302  # the same answer as for a new address (tests/accounts)
    assert "Ya hay una cuenta" not in Client().get(response["Location"]).content.decode()
    assert get_user_model().objects.count() == 1


def test_the_reset_mail_arrives_over_smtp_and_its_link_sets_a_new_password(site_structure, smtp_server, settings):
    settings.ACERVO_BASE_URL = "http://testserver"
    make_user()
    client = Client()
    form = client.get("/cuentas/contrasena/")
    assert form.status_code == 200 and "Recuperar tu contraseña" in form.content.decode()
    # The address as the learner types it, in another case.
    response = client.post("/cuentas/contrasena/", {"email": "ANA@escuela.mx"}, follow=True)
    assert response.redirect_chain[-1][0] == "/cuentas/contrasena/enviado/"
    assert "Revisa tu correo" in response.content.decode()

    assert len(smtp_server.messages) == 1
    recipients, message = smtp_server.messages[0]
    assert recipients == ["ana@escuela.mx"]
    assert message["Subject"] == "Recupera tu contraseña de Acervo"
    assert "no-responder@acervo.test" in message["From"]
    body = message.get_content()
    assert "Alguien pidió una contraseña nueva" in body
    link = re.search(r"http://testserver(/cuentas/contrasena/[^/\s]+/[^/\s]+/)", body).group(1)

    # Django swaps the token into the session and redirects to the set-password form.
    page = client.get(link, follow=True)
    assert "Elige una contraseña nueva" in page.content.decode()
    set_url = page.redirect_chain[-1][0]
    done = client.post(
        set_url, {"new_password1": "otra-clave-nueva-456", "new_password2": "otra-clave-nueva-456"}, follow=True
    )
    assert done.redirect_chain[-1][0] == "/cuentas/contrasena/listo/"
    assert "Contraseña guardada" in done.content.decode()

    fresh = Client()
    assert fresh.post("/cuentas/entrar/", {"username": "ana", "password": "contraseña-vieja-123"}).status_code == 200
    logged = fresh.post("/cuentas/entrar/", {"username": "ana", "password": "otra-clave-nueva-456"})
    assert logged.status_code == 302 and logged["Location"] == "/mi-aprendizaje/"
    # The link works once.
    again = Client().get(link, follow=True)
    assert "El enlace ya no sirve" in again.content.decode()


def test_an_unknown_address_gets_the_same_answer_and_no_mail(site_structure):
    make_user()
    known = Client().post("/cuentas/contrasena/", {"email": "ana@escuela.mx"}, follow=True)
    assert len(mail.outbox) == 1
    unknown = Client().post("/cuentas/contrasena/", {"email": "nadie@escuela.mx"}, follow=True)
    assert len(mail.outbox) == 1
    assert unknown.redirect_chain == known.redirect_chain
    assert unknown.content == known.content


def test_an_invalid_address_is_refused_in_spanish(site_structure):
    response = Client().post("/cuentas/contrasena/", {"email": "no-es-correo"})
    assert response.status_code == 200
    assert "correo electrónico válida" in response.content.decode()
    assert not mail.outbox


def test_the_log_in_page_links_to_the_reset(site_structure):
    assert 'href="/cuentas/contrasena/"' in Client().get("/cuentas/entrar/").content.decode()


def test_the_reset_form_is_throttled_per_client_and_per_address(site_structure):
    make_user()
    for number in range(10):
        response = Client(REMOTE_ADDR="198.51.100.9").post(
            "/cuentas/contrasena/", {"email": f"prueba{number}@escuela.mx"}
        )
        assert response.status_code == 302
    refused = Client(REMOTE_ADDR="198.51.100.9").post("/cuentas/contrasena/", {"email": "ana@escuela.mx"})
    assert refused.status_code == 429 and "Demasiados intentos" in refused.content.decode()
    assert not mail.outbox

    # One mailbox cannot be flooded from many addresses either (the refused request above counted).
    for number in range(9):
        assert (
            Client(REMOTE_ADDR=f"203.0.113.{number}")
            .post("/cuentas/contrasena/", {"email": "ana@escuela.mx"})
            .status_code
            == 302
        )
    assert (
        Client(REMOTE_ADDR="203.0.113.77").post("/cuentas/contrasena/", {"email": "ana@escuela.mx"}).status_code == 429
    )
    assert len(mail.outbox) == 9
    # Others are unaffected.
    assert (
        Client(REMOTE_ADDR="203.0.113.78").post("/cuentas/contrasena/", {"email": "otra@escuela.mx"}).status_code == 302
    )
