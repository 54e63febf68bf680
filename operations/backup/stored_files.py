"""Every file of the default storage, listed and streamed through the storage API (local disk or S3)."""

from django.core.files import File
from django.core.files.storage import storages
from django.utils.translation import gettext as _

from operations.backup.errors import BackupError


def default_storage():
    return storages["default"]


def listing(storage):
    """(name, size) of every stored file, sorted by name.

    On S3 one paginated listing of the bucket (names and sizes together); elsewhere a walk of
    `listdir`, the storage API every backend has.
    """
    bucket = getattr(storage, "bucket", None)
    if bucket is not None:
        location = (getattr(storage, "location", "") or "").strip("/")
        prefix = f"{location}/" if location else ""
        found = [
            (item.key[len(prefix) :], item.size)
            for item in bucket.objects.filter(Prefix=prefix)
            if not item.key.endswith("/")
        ]
    else:
        found = list(_sizes(storage, _walk(storage, "")))
    return sorted(found)


def _sizes(storage, names):
    for name in names:
        try:
            yield name, storage.size(name)
        except FileNotFoundError:
            continue  # deleted by the site since listdir saw it


def _walk(storage, folder):
    if not storage.exists(folder):
        return
    directories, files = storage.listdir(folder)
    for name in files:
        yield f"{folder}/{name}" if folder else name
    for directory in directories:
        yield from _walk(storage, f"{folder}/{directory}" if folder else directory)


def put(storage, name, reader, size):
    """Store `reader` (size bytes) under exactly `name`, replacing a file of that name."""
    if storage.exists(name):
        storage.delete(name)
    content = File(reader, name=name)
    content.size = size
    saved = storage.save(name, content)
    if saved != name:
        raise BackupError(
            _("El almacenamiento guardó «%(name)s» como «%(saved)s»; la base de datos no lo encontraría.")
            % {"name": name, "saved": saved}
        )
