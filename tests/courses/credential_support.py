"""Verifying Acervo's credentials the way an outside party would: openbadgeslib, resolving the issuer's
did:web document and the status lists over HTTP from a live test server."""

import json
import urllib.request

import pytest
from openbadgeslib.ob3 import OB3VerificationError, OB3Verifier  # noqa: F401  (re-exported for the tests)
from openbadgeslib.util import download_file

from courses.credentials import keys


def fetch(url):
    """did:web always resolves over https; the live test server speaks plain http on loopback."""
    return download_file(url.replace("https://", "http://", 1), allow_insecure=True, allow_private=True)


def verify(token, check_status=False):
    """The credential as openbadgeslib reads it, anchored to the issuer DID the token claims."""
    issuer = OB3Verifier._decode_unverified(token)["iss"]
    verifier = OB3Verifier.for_issuer_did(issuer, download=fetch)
    return verifier.verify(token, check_status=check_status, verify_status_list=True, download=fetch)


def get(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode(), response.headers


def get_json(url):
    return json.loads(get(url)[0])


@pytest.fixture
def signing_key_file(settings, tmp_path):
    """A key of this test's own, as production configures it (ACERVO_SIGNING_KEY_FILE)."""
    path = tmp_path / "clave.pem"
    path.write_bytes(keys.generate_pem())
    settings.ACERVO_SIGNING_KEY_FILE = str(path)
    return path


@pytest.fixture
def public_live_server(live_server, settings, signing_key_file):
    """The live server is the site's public address, so its did:web resolves to it."""
    settings.ACERVO_BASE_URL = settings.WAGTAILADMIN_BASE_URL = settings.WAGTAILAPI_BASE_URL = live_server.url
    return live_server
