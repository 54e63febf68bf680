"""Fixtures for the account security tests: staff with a password, codes computed from a device's secret."""

import re
import time
from html import unescape

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.courses.test_password_reset import smtp_server  # noqa: F401  (a real SMTP server on loopback)

PASSWORD = "contraseña-segura-123"


def code_for(device, steps_ahead=0):
    """The code the authenticator app shows now (or steps_ahead periods later), from the device's secret."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():06d}"


def code_from_page(html):
    """Reads the secret shown on the set-up page, as a person would type it into the app."""
    secret = re.search(r"<code data-two-factor-secret>([A-Z2-7 ]+)</code>", html).group(1).replace(" ", "")
    return TOTPDevice(key=_hex_key(secret))


def _hex_key(secret):
    from base64 import b32decode

    return b32decode(secret + "=" * (-len(secret) % 8)).hex()


def backup_codes_in(html):
    return re.findall(r"<li><code>([0-9a-z]+)</code></li>", unescape(html))


@pytest.fixture
def editors(site_structure):
    """The Editores group with access to the admin."""
    group, _ = Group.objects.get_or_create(name="Editores")
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    return group


@pytest.fixture
def editor(editors):
    user = get_user_model().objects.create_user("editora", "editora@acervo.mx", PASSWORD, first_name="Elena")
    user.groups.add(editors)
    return user


@pytest.fixture
def superuser(site_structure):
    return get_user_model().objects.create_superuser("admin", "admin@acervo.mx", PASSWORD)


def admin_log_in(username, address="198.51.100.7"):
    """A client past the password step of /admin/login/."""
    client = Client(REMOTE_ADDR=address)
    response = client.post("/admin/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()[:500]
    return client
