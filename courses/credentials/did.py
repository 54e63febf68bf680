"""The issuer's identity: did:web of the public host, and its DID document listing every trusted key."""

from urllib.parse import quote

from acervo import public_address

from . import keys

DID_CONTEXT = ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/suites/jws-2020/v1"]


def issuer_did():
    """did:web of ACERVO_BASE_URL's host, the port percent-encoded (did:web:127.0.0.1%3A8000)."""
    return "did:web:" + quote(public_address.netloc(), safe="")


def key_id(kid):
    """The DID URL naming one verification key, as written in a JWT's `kid` header."""
    return f"{issuer_did()}#{kid}"


def document():
    """The DID document served at /.well-known/did.json."""
    did = issuer_did()
    methods = [
        {"id": f"{did}#{kid}", "type": "JsonWebKey2020", "controller": did, "publicKeyJwk": jwk}
        for kid, _algorithm, jwk in keys.published_keys()
    ]
    ids = [method["id"] for method in methods]
    return {
        "@context": DID_CONTEXT,
        "id": did,
        "verificationMethod": methods,
        "assertionMethod": ids,
    }
