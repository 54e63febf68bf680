"""Stateless resumption tokens: the list query and position, signed, with an expiry."""

import time
from datetime import UTC, datetime

from django.conf import settings
from django.core import signing

SALT = "oer.oai.resumption"
DEFAULT_TTL_SECONDS = 24 * 3600


class BadToken(Exception):
    """Tampered, expired or foreign token."""


def ttl_seconds():
    return int(getattr(settings, "ACERVO_OAI_TOKEN_TTL_SECONDS", DEFAULT_TTL_SECONDS))


def issue(state):
    """A token for `state` (a dict of plain values) and its expiry as a UTC datetime."""
    expires = int(time.time()) + ttl_seconds()
    token = signing.dumps({**state, "exp": expires}, salt=SALT, compress=True)
    return token, datetime.fromtimestamp(expires, tz=UTC)


def read(token, verb):
    try:
        state = signing.loads(token, salt=SALT)
    except signing.BadSignature as exc:
        raise BadToken("firma") from exc
    if not isinstance(state, dict) or state.get("verb") != verb:
        raise BadToken("verbo")
    if state.get("exp", 0) < time.time():
        raise BadToken("caducado")
    return state


def from_timestamp(value):
    return datetime.fromtimestamp(value, tz=UTC) if value is not None else None


def to_timestamp(moment):
    return moment.timestamp() if moment is not None else None
