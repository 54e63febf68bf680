"""Verifiable credentials as compact JWTs (Open Badges 3.0 §8.2, VC-JWT).

The payload is the credential itself plus the registered claims `iss` (the issuer DID), `nbf`
(validFrom), `jti` (the credential id) and `sub` (the subject id, when there is one); the header names
the signing key by its DID URL.
"""

import warnings

from joserfc import jwt

from . import did, keys

MEDIA_TYPE = "application/vc+jwt"

# Open Badges 3.0 and its verifiers name the Ed25519 algorithm "EdDSA"; joserfc warns that RFC
# 9864 prefers "Ed25519", which those verifiers do not know yet.
warnings.filterwarnings("ignore", message="EdDSA is deprecated", module="joserfc")


def sign(credential, valid_from):
    """The compact JWT of `credential` (a dict with an `id`), signed with the current key."""
    key = keys.current_key()
    claims = {**credential, "iss": did.issuer_did(), "nbf": int(valid_from.timestamp()), "jti": credential["id"]}
    subject = credential.get("credentialSubject")
    if isinstance(subject, dict) and subject.get("id"):
        claims["sub"] = subject["id"]
    header = {"alg": key.algorithm, "typ": "JWT", "kid": did.key_id(key.kid)}
    return jwt.encode(header, claims, key.jwk, algorithms=[key.algorithm])
