"""Signed Open Badges 3.0 credentials, checked by an implementation Acervo did not write.

openbadgeslib (PyJWT underneath; Acervo signs with joserfc) resolves the issuer's did:web document
and the Bitstring Status List over HTTP from a live server that plays the site's public address.
"""

import base64
import json
import urllib.request

import pytest
from django.core.management import call_command
from django.test import Client
from joserfc import jwt as jose_jwt
from joserfc.jwk import OKPKey

from courses.models import Certificate

from .credential_support import (  # noqa: F401  (fixtures)
    OB3VerificationError,
    OB3Verifier,
    get,
    get_json,
    public_live_server,
    signing_key_file,
    verify,
)
from .test_certificates import _finish_course


def _segments(token):
    header, payload, signature = token.split(".")
    decode = lambda part: json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))  # noqa: E731
    return decode(header), decode(payload), signature


def _encode(data):
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


@pytest.fixture
def earned(public_live_server, enrolled, course_tree):
    """A learner's certificate on the live site: (certificate, live server url)."""
    _finish_course(enrolled, course_tree)
    return Certificate.objects.get(user=enrolled.user), public_live_server.url


def test_signed_credential_verifies_through_the_issuer_did_web_document(earned):
    certificate, site = earned
    token, headers = get(f"{site}/certificados/{certificate.code}.jwt")
    assert headers["Content-Type"] == "application/vc+jwt"

    credential = verify(token, check_status=True)

    port = site.rsplit(":", 1)[1]
    assert credential.issuer.id == f"did:web:localhost%3A{port}"
    assert credential.achievement.name == "Didáctica de la lectura"
    header, payload, _signature = _segments(token)
    assert header["alg"] == "EdDSA" and header["kid"].startswith(f"did:web:localhost%3A{port}#")
    assert payload["iss"] == credential.issuer.id
    assert payload["jti"] == payload["id"] == f"{site}/certificados/{certificate.code}.json"
    assert payload["nbf"] == int(certificate.issued_at.timestamp())
    # The readable .json is the same credential without the JWT claims, and points at the signed one.
    readable, json_headers = get(f"{site}/certificados/{certificate.code}.json")
    assert payload["sub"] == payload["credentialSubject"]["id"] == credential.recipient_id
    assert json.loads(readable) == {k: v for k, v in payload.items() if k not in {"iss", "nbf", "jti", "sub"}}
    assert f"<{site}/certificados/{certificate.code}.jwt>" in json_headers["Link"]
    document = get_json(f"{site}/.well-known/did.json")
    assert [method["id"] for method in document["verificationMethod"]] == [header["kid"]]
    assert document["assertionMethod"] == [header["kid"]]


def test_a_tampered_or_forged_token_is_rejected(earned):
    certificate, site = earned
    token, _headers = get(f"{site}/certificados/{certificate.code}.jwt")
    header, payload, signature = _segments(token)

    payload["credentialSubject"]["achievement"]["name"] = "Doctorado en Lectura"
    tampered = ".".join([token.split(".")[0], _encode(payload), signature])
    with pytest.raises(OB3VerificationError, match="Invalid signature"):
        verify(tampered)

    # Signed by someone else's key under Acervo's key id: the published key does not match it.
    forged = jose_jwt.encode(header, payload, OKPKey.generate_key("Ed25519"), algorithms=["EdDSA"])
    with pytest.raises(OB3VerificationError, match="Invalid signature"):
        verify(forged)

    header["kid"] = header["kid"].split("#")[0] + "#otra-clave"
    unknown_key = ".".join([_encode(header), token.split(".")[1], signature])
    with pytest.raises(OB3VerificationError, match="no verificationMethod"):
        verify(unknown_key)


def test_a_key_rotation_keeps_credentials_signed_before_verifying(earned):
    certificate, site = earned
    before, _headers = get(f"{site}/certificados/{certificate.code}.jwt")

    call_command("rotate_signing_key", stdout=open("/dev/null", "w"))

    after, _headers = get(f"{site}/certificados/{certificate.code}.jwt")
    old_kid, new_kid = _segments(before)[0]["kid"], _segments(after)[0]["kid"]
    assert old_kid != new_kid
    document = get_json(f"{site}/.well-known/did.json")
    assert [method["id"] for method in document["verificationMethod"]] == [new_kid, old_kid]
    assert verify(before, check_status=True).achievement.name == verify(after, check_status=True).achievement.name

    # A leaked key is withdrawn: what it signed stops verifying, a fresh download verifies again.
    call_command("rotate_signing_key", "--withdraw-previous", stdout=open("/dev/null", "w"))
    with pytest.raises(OB3VerificationError, match="no verificationMethod"):
        verify(after)
    assert verify(before).issuer.id == verify(get(f"{site}/certificados/{certificate.code}.jwt")[0]).issuer.id


def test_a_revoked_credential_fails_a_status_checking_verification(earned):
    certificate, site = earned
    token, _headers = get(f"{site}/certificados/{certificate.code}.jwt")
    assert verify(token, check_status=True)
    list_before, _headers = get(f"{site}/certificados/estado/0.jwt")

    call_command("revoke_certificate", certificate.code, "--reason", "Emitido por error", stdout=open("/dev/null", "w"))

    with pytest.raises(OB3VerificationError, match="revocation"):
        verify(token, check_status=True)
    # The signature itself is still Acervo's: only the status says no.
    assert verify(token).achievement.name == "Didáctica de la lectura"
    list_after, _headers = get(f"{site}/certificados/estado/0.jwt")
    assert list_after != list_before


def test_deleting_the_account_does_not_revoke_the_credential(earned, enrolled):
    certificate, site = earned
    assert enrolled.delete("/api/v1/me/").status_code in (200, 204)

    token, _headers = get(f"{site}/certificados/{certificate.code}.jwt")
    credential = verify(token, check_status=True)
    assert credential.achievement.name == "Didáctica de la lectura"
    assert "identifier" not in _segments(token)[1]["credentialSubject"]
    assert "Certificado válido" in Client().get(f"/certificados/{certificate.code}/").content.decode()


def test_the_badge_png_carries_the_signed_credential(earned):
    certificate, site = earned
    with urllib.request.urlopen(f"{site}/certificados/{certificate.code}.png", timeout=30) as response:
        assert response.headers["Content-Type"] == "image/png"
        png = response.read()
    token = OB3Verifier.extract_token_from_png(png)
    assert token == get(f"{site}/certificados/{certificate.code}.jwt")[0]
    assert verify(token, check_status=True).achievement.name == "Didáctica de la lectura"
