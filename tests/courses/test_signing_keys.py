"""The issuer's signing key: made once in development, required in production, rotated on demand."""

import stat

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import Client
from openbadgeslib.ob3 import OB3Verifier

from courses.credentials import keys
from courses.models import Certificate

from .credential_support import signing_key_file  # noqa: F401


def _kids():
    return [method["id"].split("#")[1] for method in Client().get("/.well-known/did.json").json()["verificationMethod"]]


@pytest.fixture
def development(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    settings.ACERVO_SIGNING_KEY_FILE = ""
    settings.ACERVO_SIGNING_KEY_AUTOCREATE = True
    return tmp_path / keys.DEV_KEY_NAME


@pytest.fixture
def production(settings):
    settings.ACERVO_SIGNING_KEY_FILE = ""
    settings.ACERVO_SIGNING_KEY_AUTOCREATE = False


@pytest.fixture
def certificate(db, course_tree):
    return Certificate.objects.create(
        code="FIRMA23456789ABCDEFG",
        course=course_tree.course,
        course_title="Didáctica de la lectura",
        holder_name="Ana",
        status_index=3,
    )


def test_development_makes_one_private_key_under_the_data_folder_on_first_use(development, db):
    assert not development.exists()
    first = _kids()
    assert development.exists()
    assert stat.S_IMODE(development.stat().st_mode) == 0o600
    pem = development.read_bytes()
    assert _kids() == first and development.read_bytes() == pem
    assert len(first) == 1


def test_production_without_a_key_answers_503_and_fails_the_deploy_check(production, certificate):
    for path in (
        f"/certificados/{certificate.code}.jwt",
        f"/certificados/{certificate.code}.png",
        "/.well-known/did.json",
        "/certificados/estado/0.jwt",
    ):
        response = Client().get(path)
        assert response.status_code == 503
        assert "clave de firma" in response.content.decode()
    # The readable credential and the page need no key.
    assert Client().get(f"/certificados/{certificate.code}.json").status_code == 200
    with pytest.raises(SystemCheckError, match="courses.E001"):
        call_command("check", "--deploy", "--fail-level", "ERROR")


def test_deploy_check_refuses_a_missing_or_unusable_key_file(settings, tmp_path, db):
    settings.ACERVO_SIGNING_KEY_FILE = str(tmp_path / "no-existe.pem")
    with pytest.raises(SystemCheckError, match="courses.E002"):
        call_command("check", "--deploy", "--fail-level", "ERROR")
    rsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    (tmp_path / "rsa.pem").write_bytes(
        rsa_key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    settings.ACERVO_SIGNING_KEY_FILE = str(tmp_path / "rsa.pem")
    with pytest.raises(SystemCheckError, match="Ed25519 \\(EdDSA\\) o EC P-256"):
        call_command("check", "--deploy", "--fail-level", "ERROR")


def test_a_p256_key_signs_es256_credentials(settings, tmp_path, certificate):
    path = tmp_path / "p256.pem"
    path.write_bytes(keys.generate_pem("ES256"))
    settings.ACERVO_SIGNING_KEY_FILE = str(path)
    token = Client().get(f"/certificados/{certificate.code}.jwt").content.decode()
    public = (
        serialization.load_pem_private_key(path.read_bytes(), None)
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    credential = OB3Verifier(pubkey_pem=public).verify(token)
    assert credential.achievement.name == "Didáctica de la lectura"
    assert Client().get("/.well-known/did.json").json()["verificationMethod"][0]["publicKeyJwk"]["crv"] == "P-256"


def test_rotation_to_another_file_publishes_the_new_key_before_the_switch(
    signing_key_file, run_command, tmp_path, settings
):
    current = signing_key_file.read_bytes()
    before = _kids()
    target = tmp_path / "nueva.pem"

    result = run_command("rotate_signing_key", "--output", str(target))

    assert result.code == 0 and f"ACERVO_SIGNING_KEY_FILE={target}" in result.stdout
    assert signing_key_file.read_bytes() == current and stat.S_IMODE(target.stat().st_mode) == 0o600
    assert _kids()[0] == before[0] and len(_kids()) == 2
    settings.ACERVO_SIGNING_KEY_FILE = str(target)
    assert _kids()[0] == keys.parse_pem(target.read_bytes()).kid and before[0] in _kids()

    taken = run_command("rotate_signing_key", "--output", str(target))
    assert taken.code == 1 and "ya existe" in taken.stderr
    both = run_command("rotate_signing_key", "--output", str(tmp_path / "otra.pem"), "--withdraw-previous")
    assert both.code == 1 and "--withdraw-previous" in both.stderr
