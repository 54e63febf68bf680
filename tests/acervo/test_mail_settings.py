"""Mail goes through SMTP whenever EMAIL_HOST is set, in every settings module; without it, dev prints
mail to the console and tests keep it in memory."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHOW = (
    "from django.conf import settings as s; print(s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT, "
    "s.EMAIL_USE_TLS, s.DEFAULT_FROM_EMAIL, sep='|')"
)
SECRET = "k" * 20 + "9fj3_2kd8(s!vn3m4x0qpl1zr7w6tyb5" + "x" * 10


def mail_settings(module, tmp_path, **environment):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("EMAIL_", "DJANGO_", "DEFAULT_FROM"))}
    env.update(
        {"DJANGO_SETTINGS_MODULE": module, "ACERVO_DATA_DIR": str(tmp_path), "SECRET_KEY": SECRET, **environment}
    )
    script = f"import django; django.setup(); {SHOW}"
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().split("|")


@pytest.mark.parametrize("module", ["acervo.settings.dev", "acervo.settings.test", "acervo.settings.production"])
def test_with_email_host_every_settings_module_sends_through_smtp(module, tmp_path):
    backend, host, port, tls, sender = mail_settings(
        module,
        tmp_path,
        EMAIL_HOST="smtp.example.mx",
        EMAIL_PORT="587",
        EMAIL_USE_TLS="true",
        DEFAULT_FROM_EMAIL="Acervo <avisos@example.mx>",
    )
    assert backend == "django.core.mail.backends.smtp.EmailBackend"
    assert (host, port, tls, sender) == ("smtp.example.mx", "587", "True", "Acervo <avisos@example.mx>")


def test_without_email_host_dev_prints_and_tests_keep_mail_in_memory(tmp_path):
    assert mail_settings("acervo.settings.dev", tmp_path)[0] == "django.core.mail.backends.console.EmailBackend"
    assert mail_settings("acervo.settings.test", tmp_path)[0] == "django.core.mail.backends.locmem.EmailBackend"
