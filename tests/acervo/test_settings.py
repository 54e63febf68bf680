"""Production settings refuse a missing secret and pass Django's deployment checks."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, env_overrides):
    test_only = {"SECRET_KEY", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE", "DATABASE_URL"}
    env = {k: v for k, v in os.environ.items() if k not in test_only}
    env.update(env_overrides)
    env["DJANGO_SETTINGS_MODULE"] = "acervo.settings.production"
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_production_refuses_to_start_without_secret_key(tmp_path):
    result = run_manage("check", env_overrides={"ACERVO_DATA_DIR": str(tmp_path), "ALLOWED_HOSTS": "acervo.example.mx"})
    assert result.returncode != 0
    assert "SECRET_KEY debe definirse" in result.stderr


def test_production_refuses_a_development_key(tmp_path):
    result = run_manage(
        "check",
        env_overrides={
            "ACERVO_DATA_DIR": str(tmp_path),
            "SECRET_KEY": "dev-only-insecure-key-do-not-use-in-production",
        },
    )
    assert result.returncode != 0 and "SECRET_KEY" in result.stderr


def _production_env(tmp_path, **extra):
    return {
        "ACERVO_DATA_DIR": str(tmp_path),
        "SECRET_KEY": "k" * 20 + "9fj3_2kd8(s!vn3m4x0qpl1zr7w6tyb5" + "x" * 10,
        "ALLOWED_HOSTS": "acervo.example.mx",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        **extra,
    }


def test_production_passes_check_deploy(tmp_path):
    from courses.credentials.keys import generate_pem

    (tmp_path / "clave.pem").write_bytes(generate_pem())
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env_overrides=_production_env(tmp_path, ACERVO_SIGNING_KEY_FILE=str(tmp_path / "clave.pem")),
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_production_deploy_check_requires_a_signing_key(tmp_path):
    result = run_manage("check", "--deploy", env_overrides=_production_env(tmp_path))
    assert result.returncode != 0
    assert "courses.E001" in result.stderr and "ACERVO_SIGNING_KEY_FILE" in result.stderr
    assert not list(tmp_path.glob("*.pem")), "production never makes a key of its own"


def test_the_public_address_comes_from_acervo_base_url(tmp_path):
    code = (
        "from django.conf import settings as s; print(s.ACERVO_BASE_URL, s.WAGTAILADMIN_BASE_URL, "
        "s.WAGTAILAPI_BASE_URL)"
    )
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        code,
        env_overrides=_production_env(tmp_path, ACERVO_BASE_URL="https://acervo.example.mx/"),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["https://acervo.example.mx"] * 3


def test_site_speaks_spanish_of_mexico(settings):
    assert settings.LANGUAGE_CODE == "es-mx"
    assert settings.TIME_ZONE == "America/Mexico_City"
