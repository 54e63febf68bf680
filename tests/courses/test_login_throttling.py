"""Log-in throttling over HTTP: 10 failures in 15 minutes for one username or one address lock both
log-in pages (a Spanish 429, even with the right password) until the window passes."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.db.models import F
from django.test import Client

PASSWORD = "contraseña-segura-123"
PAGES = {"sitio": "/cuentas/entrar/", "admin": "/admin/login/"}


@pytest.fixture
def editor(site_structure):
    return get_user_model().objects.create_superuser("editora", "editora@acervo.mx", PASSWORD)


def attempt(path, username, password, address="198.51.100.7", **headers):
    return Client(REMOTE_ADDR=address, **headers).post(path, {"username": username, "password": password})


def fail_ten_times(path, username, address="198.51.100.7", **headers):
    for _ in range(10):
        response = attempt(path, username, "contraseña-equivocada", address, **headers)
        assert response.status_code in (200, 429)


def assert_locked(response):
    assert response.status_code == 429
    html = response.content.decode()
    assert "Demasiados intentos" in html and "espera 15 minutos" in html


def let_the_window_pass():
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=16))


@pytest.mark.parametrize("page", PAGES)
def test_ten_failures_for_one_username_lock_it_even_with_the_right_password(editor, page):
    path = PAGES[page]
    for number in range(9):
        assert attempt(path, "editora", "mala", address=f"203.0.113.{number}").status_code == 200
    # Nine failures from nine addresses: the right password still works.
    assert attempt(path, "editora", PASSWORD, address="203.0.113.50").status_code == 302
    fail_ten_times(path, "editora", address="203.0.113.60")
    assert_locked(attempt(path, "editora", PASSWORD, address="203.0.113.61"))
    other = PAGES["admin" if page == "sitio" else "sitio"]
    assert_locked(attempt(other, "editora", PASSWORD, address="203.0.113.62"))

    let_the_window_pass()
    assert attempt(path, "editora", PASSWORD, address="203.0.113.63").status_code == 302


@pytest.mark.parametrize("page", PAGES)
def test_ten_failures_from_one_address_lock_that_address_for_every_username(editor, page):
    path = PAGES[page]
    for number in range(10):
        attempt(path, f"intruso{number}", "mala", address="192.0.2.10")
    assert_locked(attempt(path, "editora", PASSWORD, address="192.0.2.10"))
    # Another address is not affected, and neither is the username.
    assert attempt(path, "editora", PASSWORD, address="192.0.2.11").status_code == 302

    let_the_window_pass()
    assert attempt(path, "editora", PASSWORD, address="192.0.2.10").status_code == 302


def test_a_forged_forwarded_for_header_does_not_escape_the_lock(editor):
    for number in range(10):
        attempt(
            "/cuentas/entrar/",
            f"intruso{number}",
            "mala",
            address="192.0.2.20",
            HTTP_X_FORWARDED_FOR=f"10.0.0.{number}",
        )
    locked = attempt("/cuentas/entrar/", "editora", PASSWORD, address="192.0.2.20", HTTP_X_FORWARDED_FOR="10.0.0.99")
    assert_locked(locked)


def test_behind_one_trusted_proxy_the_address_it_saw_is_the_client(editor, settings):
    settings.ACERVO_TRUSTED_PROXY_COUNT = 1
    proxy = "10.1.1.1"
    for number in range(10):
        # The client may write anything on the left; the proxy appends the address it saw.
        attempt(
            "/cuentas/entrar/",
            f"intruso{number}",
            "mala",
            address=proxy,
            HTTP_X_FORWARDED_FOR=f"1.2.3.{number}, 192.0.2.30",
        )
    assert_locked(attempt("/cuentas/entrar/", "editora", PASSWORD, address=proxy, HTTP_X_FORWARDED_FOR="192.0.2.30"))
    # Another client behind the same proxy still gets in.
    assert (
        attempt("/cuentas/entrar/", "editora", PASSWORD, address=proxy, HTTP_X_FORWARDED_FOR="192.0.2.31").status_code
        == 302
    )
