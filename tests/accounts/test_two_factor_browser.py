"""In Chromium, under the site's Content-Security-Policy: the set-up page shows its QR code, a code typed from
the secret turns two-factor on, and the next admin log-in asks for a code."""

import pytest
from django.contrib.auth import get_user_model
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.accounts.conftest import PASSWORD, code_for
from tests.e2e.test_content_security import assert_clean, watched  # noqa: F401  (the tab that records violations)


@pytest.fixture
def staff(live_server, transactional_db, site_structure):
    get_user_model().objects.create_superuser("admin", "admin@acervo.mx", PASSWORD)
    return live_server.url


def log_in(tab, base):
    tab.goto(base + "/admin/login/")
    tab.fill("input[name=username]", "admin")
    tab.fill("input[name=password]", PASSWORD)
    tab.locator("form.login-form button[type=submit]").click()
    tab.wait_for_load_state("networkidle")


def test_the_set_up_page_works_under_the_policy(watched, staff):  # noqa: F811
    log_in(watched, staff)
    response = watched.goto(staff + "/admin/dos-pasos/")
    assert "content-security-policy" in response.headers
    watched.wait_for_load_state("networkidle")
    qr = watched.locator("[data-two-factor-qr] svg")
    assert qr.is_visible() and qr.bounding_box()["width"] > 100
    secret = watched.locator("[data-two-factor-secret]").inner_text()
    assert len(secret.replace(" ", "")) == 32
    assert_clean(watched, "set-up page")

    device = TOTPDevice.objects.get()
    watched.fill("input[name=code]", code_for(device))
    watched.get_by_role("button", name="Activar").click()
    watched.wait_for_url("**/admin/dos-pasos/respaldo/")
    assert watched.locator("[data-backup-codes] li").count() == 10
    assert_clean(watched, "backup codes")

    watched.context.clear_cookies()
    log_in(watched, staff)
    assert "/admin/dos-pasos/codigo/" in watched.url
    watched.fill("input[name=code]", code_for(device, 1))
    watched.get_by_role("button", name="Verificar").click()
    watched.wait_for_url(staff + "/admin/")
    assert_clean(watched, "admin after the code")
