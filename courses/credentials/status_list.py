"""Revocation as W3C Bitstring Status Lists: each certificate owns one bit in a signed list the site serves.

Certificates get a random free bit (so a list reveals nothing about issue order), and a list is only
half filled before the next one opens, so a random pick finds a free bit quickly. The signed list is
regenerated whenever its revoked bits, the signing key or the public address change.
"""

import base64
import gzip
import hashlib
import secrets

from django.core.cache import cache
from django.db.models import Max, Min
from django.urls import reverse
from django.utils import timezone

from acervo import public_address

from . import did, keys, vc_jwt

# 131,072 bits (16 KiB) is the smallest list the specification allows, for holders' privacy.
LIST_SIZE = 131_072
CERTIFICATES_PER_LIST = LIST_SIZE // 2
PURPOSE = "revocation"
# How long verifiers may keep a copy (milliseconds, the list's `ttl`) and the HTTP cache lifetime.
TTL_SECONDS = 300
VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"

_random = secrets.SystemRandom()


def list_url(number):
    return public_address.absolute(reverse("certificate-status-list", kwargs={"number": number}))


def entry(status_index):
    """The credential's `credentialStatus`: where its revocation bit is."""
    number, position = divmod(status_index, LIST_SIZE)
    url = list_url(number)
    return {
        "id": f"{url}#{position}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": PURPOSE,
        "statusListIndex": str(position),
        "statusListCredential": url,
    }


def allocate_index():
    """A free random bit for a new certificate (the unique column settles a simultaneous pick)."""
    from courses.models import Certificate

    issued = Certificate.objects.filter(status_index__isnull=False).count()
    start = (issued // CERTIFICATES_PER_LIST) * LIST_SIZE
    while True:
        candidate = start + _random.randrange(LIST_SIZE)
        if not Certificate.objects.filter(status_index=candidate).exists():
            return candidate


def lists_in_use():
    from courses.models import Certificate

    highest = Certificate.objects.aggregate(highest=Max("status_index"))["highest"]
    return 1 if highest is None else highest // LIST_SIZE + 1


def encode(positions):
    """The `encodedList`: the bitstring (bit 0 is the first byte's high bit), GZIP, base64url multibase."""
    bits = bytearray(LIST_SIZE // 8)
    for position in positions:
        bits[position // 8] |= 0x80 >> (position % 8)
    compressed = gzip.compress(bytes(bits), mtime=0)
    return "u" + base64.urlsafe_b64encode(compressed).rstrip(b"=").decode("ascii")


def _list_state(number):
    """(revoked positions, when the list last changed) from the certificates in list `number`."""
    from courses.models import Certificate

    in_list = Certificate.objects.filter(
        status_index__gte=number * LIST_SIZE, status_index__lt=(number + 1) * LIST_SIZE
    )
    revoked = sorted(
        index - number * LIST_SIZE
        for index in in_list.filter(revoked_at__isnull=False).values_list("status_index", flat=True)
    )
    moments = in_list.aggregate(last_revoked=Max("revoked_at"), first_issued=Min("issued_at"))
    changed = moments["last_revoked"] or moments["first_issued"] or timezone.now()
    return revoked, changed


def credential(number, revoked, changed):
    """The unsigned BitstringStatusListCredential of list `number`."""
    url = list_url(number)
    return {
        "@context": [VC_CONTEXT],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": did.issuer_did(),
        "validFrom": changed.isoformat(),
        "credentialSubject": {
            "id": f"{url}#lista",
            "type": "BitstringStatusList",
            "statusPurpose": PURPOSE,
            "encodedList": encode(revoked),
            "ttl": TTL_SECONDS * 1000,
        },
    }


def signed(number):
    """The signed list as a compact VC-JWT; built again only when what it says would change."""
    revoked, changed = _list_state(number)
    key = keys.current_key()
    fingerprint = hashlib.sha256(
        repr((revoked, changed.isoformat(), key.kid, public_address.base_url())).encode()
    ).hexdigest()[:32]
    cache_key = f"courses:status-list:{number}:{fingerprint}"
    token = cache.get(cache_key)
    if token is None:
        token = vc_jwt.sign(credential(number, revoked, changed), changed)
        cache.set(cache_key, token, 24 * 3600)
    return token
