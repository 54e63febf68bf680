"""The issuer's signing key: read from ACERVO_SIGNING_KEY_FILE (or made once in development),
rotated on demand, and the public half of every key kept so old credentials keep verifying."""

import os
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from joserfc.jwk import ECKey, OKPKey

DEV_KEY_NAME = "clave-firma-certificados.pem"
ALGORITHMS = ("EdDSA", "ES256")


class SigningKeyError(ImproperlyConfigured):
    """The signing key is missing or unusable; the message says what to do, in Spanish."""


@dataclass(frozen=True)
class LoadedKey:
    jwk: object  # joserfc OKPKey or ECKey holding the private key
    algorithm: str  # "EdDSA" or "ES256"
    kid: str  # RFC 7638 thumbprint of the public key

    def public_jwk(self):
        return self.jwk.as_dict(private=False)


_lock = threading.Lock()
_cache = {}  # path -> (file stamp, LoadedKey); the stamp notices a rotation by another process
# How long a process trusts that a key is recorded before checking the table again.
REGISTERED_SECONDS = 3600


def key_path():
    """Where the private key lives: the configured file, or in development a file under DATA_DIR."""
    if settings.ACERVO_SIGNING_KEY_FILE:
        return Path(settings.ACERVO_SIGNING_KEY_FILE)
    if settings.ACERVO_SIGNING_KEY_AUTOCREATE:
        return Path(settings.DATA_DIR) / DEV_KEY_NAME
    raise SigningKeyError(
        _(
            "Falta ACERVO_SIGNING_KEY_FILE: la ruta de la clave privada (PEM, Ed25519 o P-256) que firma los "
            "certificados. Créela con `python manage.py rotate_signing_key --output RUTA`."
        )
    )


def generate_pem(algorithm="EdDSA"):
    """A new private key in PKCS#8 PEM: Ed25519 for EdDSA, P-256 for ES256."""
    if algorithm == "ES256":
        private = ec.generate_private_key(ec.SECP256R1())
    else:
        private = ed25519.Ed25519PrivateKey.generate()
    return private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def parse_pem(pem, source=""):
    """A LoadedKey from PEM bytes; only Ed25519 and P-256 private keys are accepted."""
    try:
        private = serialization.load_pem_private_key(pem, password=None)
    except (ValueError, TypeError) as exc:
        raise SigningKeyError(
            _("%(source)s no contiene una clave privada PEM sin contraseña: %(error)s")
            % {"source": source, "error": exc}
        ) from exc
    if isinstance(private, ed25519.Ed25519PrivateKey):
        jwk, algorithm = OKPKey.import_key(pem), "EdDSA"
    elif isinstance(private, ec.EllipticCurvePrivateKey) and isinstance(private.curve, ec.SECP256R1):
        jwk, algorithm = ECKey.import_key(pem), "ES256"
    else:
        raise SigningKeyError(
            _("%(source)s: la clave debe ser Ed25519 (EdDSA) o EC P-256 (ES256).") % {"source": source}
        )
    return LoadedKey(jwk=jwk, algorithm=algorithm, kid=jwk.thumbprint())


def _temporary_copy(path, pem):
    """The key written beside `path` in a file only its owner can read (mkstemp makes it 0600)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".clave-")
    try:
        os.write(handle, pem)
        os.fsync(handle)
    finally:
        os.close(handle)
    return temporary


def _write_new(path, pem):
    """Write a new key file; refuses to replace one that appeared meanwhile."""
    temporary = _temporary_copy(path, pem)
    try:
        os.link(temporary, path)  # fails if another process made the key first; theirs wins
    except FileExistsError:
        pass
    finally:
        os.unlink(temporary)


def _stamp(path):
    stat = path.stat()
    return stat.st_mtime_ns, stat.st_size, stat.st_ino


def current_key():
    """The key that signs now. Generated on first use in development; re-read when the file changes."""
    path = key_path()
    with _lock:
        if not path.exists():
            if settings.ACERVO_SIGNING_KEY_FILE or not settings.ACERVO_SIGNING_KEY_AUTOCREATE:
                raise SigningKeyError(
                    _("No existe el archivo de clave de firma %(path)s (ACERVO_SIGNING_KEY_FILE).") % {"path": path}
                )
            _write_new(path, generate_pem())
        stamp = _stamp(path)
        cached = _cache.get(path)
        if cached is None or cached[0] != stamp:
            cached = (stamp, parse_pem(path.read_bytes(), str(path)))
            _cache[path] = cached
    key = cached[1]
    register(key)
    return key


def register(key, *, check=False):
    """Record the public half of a key so the DID document lists it from now on (idempotent)."""
    from courses.models import SigningKey

    marker = f"courses:signing-key:{key.kid}"
    if not check and cache.get(marker):
        return
    try:
        with transaction.atomic():
            SigningKey.objects.get_or_create(
                kid=key.kid, defaults={"algorithm": key.algorithm, "public_jwk": key.public_jwk()}
            )
    except IntegrityError:
        pass  # recorded by a concurrent request
    cache.set(marker, True, REGISTERED_SECONDS)


def published_keys():
    """(kid, algorithm, public JWK) of every key still trusted, the current one first."""
    from courses.models import SigningKey

    current = current_key()
    keys = [(current.kid, current.algorithm, current.public_jwk())]
    for row in (
        SigningKey.objects.filter(withdrawn_at__isnull=True).exclude(kid=current.kid).order_by("-created_at", "-pk")
    ):
        keys.append((row.kid, row.algorithm, row.public_jwk))
    return keys


def rotate(algorithm="EdDSA", output=None, withdraw_previous=False):
    """Make a new signing key; the previous one stays published unless withdrawn.

    With `output`, the new key is written there (for a key file the site cannot write, e.g. a
    mounted secret) and becomes current once ACERVO_SIGNING_KEY_FILE points at it. Returns
    (new LoadedKey, previous LoadedKey or None, path written).
    """
    from courses.models import SigningKey

    if algorithm not in ALGORITHMS:
        raise SigningKeyError(_("Algoritmo desconocido «%(name)s»: use EdDSA o ES256.") % {"name": algorithm})
    if output and withdraw_previous:
        # The site keeps signing with the previous key until it is pointed at the new file.
        raise SigningKeyError(
            _(
                "--withdraw-previous no se puede usar con --output: retire la clave anterior "
                "después de apuntar ACERVO_SIGNING_KEY_FILE a la nueva."
            )
        )
    target = Path(output) if output else key_path()
    previous = None
    try:
        previous = current_key()
        register(previous, check=True)  # it must stay published whatever this process remembers
    except SigningKeyError:
        if not output:
            raise
    pem = generate_pem(algorithm)
    new = parse_pem(pem, "")
    if output and target.exists():
        raise SigningKeyError(_("%(path)s ya existe; elija otra ruta.") % {"path": target})
    try:
        if output:
            _write_new(target, pem)
        else:
            _replace(target, pem)
    except OSError as exc:
        raise SigningKeyError(
            _(
                "No se pudo escribir la clave en %(path)s: %(error)s. Use --output con una ruta escribible y "
                "apunte ACERVO_SIGNING_KEY_FILE a ella."
            )
            % {"path": target, "error": exc.strerror or exc}
        ) from exc
    register(new, check=True)
    if previous is not None and withdraw_previous:
        SigningKey.objects.filter(kid=previous.kid).update(withdrawn_at=timezone.now())
    return new, previous, target


def _replace(path, pem):
    """Atomically put a new key in place of the current file, keeping it private to its owner."""
    os.replace(_temporary_copy(path, pem), path)
    with _lock:
        _cache.pop(path, None)
