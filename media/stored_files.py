"""Keeping bytes by content: digest, check and store a file once under a content-addressed key."""

import hashlib
import os
import shutil
import tempfile
from dataclasses import dataclass

from django.core.files import File
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction

from .formats import FORMATS, HEAD_BYTES, sniff
from .models import StoredFile
from .validation import validate_upload

CHUNK = 1024 * 1024
# Top-level folder of every stored file; media_check knows it (see media/housekeeping.py).
PREFIX = "archivos"


@dataclass(frozen=True)
class Digest:
    sha256: str
    size: int


def digest_of(path):
    """sha256 and size of a local file, read in chunks (a 2 GB video never sits in memory)."""
    hasher = hashlib.sha256()
    size = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            hasher.update(chunk)
            size += len(chunk)
    return Digest(hasher.hexdigest(), size)


def storage_key(sha256, extension):
    """`archivos/ab/cd/<sha256>.pdf`: two fan-out levels keep any folder small."""
    return f"{PREFIX}/{sha256[:2]}/{sha256[2:4]}/{sha256}.{extension}"


def format_of(path):
    with open(path, "rb") as handle:
        return FORMATS.get(sniff(handle.read(HEAD_BYTES)))


def check_file(path, name, categories):
    """Validate a local file as an upload of these categories; return its Format or raise ValidationError."""
    with open(path, "rb") as handle:
        wrapped = File(handle, name=name)
        wrapped.size = os.path.getsize(path)
        return validate_upload(wrapped, categories)


def find(sha256):
    return StoredFile.objects.filter(sha256=sha256).first()


def store_path(path, name, categories, *, digest=None, checked=False):
    """Store a local file by content; the same bytes stored before are reused, never copied again.

    Returns (StoredFile, created). Unless the caller already did (`checked`), the file is validated
    as an upload of these categories first (ValidationError). `digest` saves a second read when
    the caller has hashed the file already.
    """
    digest = digest or digest_of(path)
    existing = find(digest.sha256)
    if existing is not None and default_storage.exists(existing.file.name):
        return existing, False
    fmt = format_of(path) if checked else check_file(path, name, categories)
    key = storage_key(digest.sha256, fmt.extensions[0])
    if not default_storage.exists(key):
        with open(path, "rb") as handle:
            saved = default_storage.save(key, File(handle, name=key))
        if saved != key:  # a storage that renamed instead of writing the content address
            default_storage.delete(saved)
            raise RuntimeError(f"storage refused the content-addressed key {key}")
    if existing is not None:  # the record outlived its bytes (restored later): point it back
        existing.file.name = key
        existing.save(update_fields=["file"])
        return existing, False
    try:
        with transaction.atomic():
            stored = StoredFile.objects.create(
                sha256=digest.sha256,
                file=key,
                size_bytes=digest.size,
                mime_type=fmt.mime_type,
                original_name=os.path.basename(name)[:255],
            )
    except IntegrityError:  # stored at the same moment by another process
        return find(digest.sha256), False
    return stored, True


def local_copy(stored):
    """A temporary local copy of a stored file (storage may be S3); the caller closes it."""
    temporary = tempfile.NamedTemporaryFile(suffix="." + stored.file.name.rsplit(".", 1)[-1])
    with default_storage.open(stored.file.name, "rb") as source:
        shutil.copyfileobj(source, temporary, CHUNK)
    temporary.flush()
    temporary.seek(0)
    return temporary
