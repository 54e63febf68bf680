"""Compare stored objects with the records that point at them: orphans and missing files."""

import datetime
from dataclasses import dataclass, field

from django.core.files.storage import storages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.models import get_rendition_storage

from .models import CaptionTrack, MediaAsset, StoredFile
from .stored_files import PREFIX as STORED_FILES_PREFIX

# Top-level folders whose every object must belong to a record; anything else is left alone.
ORIGINAL_PREFIXES = ("original_images", "documents", "assets", "captions", STORED_FILES_PREFIX)
RENDITION_PREFIXES = ("images",)


@dataclass
class Report:
    orphans: list = field(default_factory=list)  # (storage, name, modified)
    missing: list = field(default_factory=list)  # Missing records


@dataclass
class Missing:
    label: str
    record: object
    name: str
    regenerable: bool  # renditions are rebuilt from their original on the next request


def _is_s3(storage):
    return hasattr(storage, "bucket_name") and hasattr(storage, "connection")


def _s3_objects(storage, prefix):
    client = storage.connection.meta.client
    root = storage._normalize_name(prefix) + "/"
    location = storage._normalize_name("")
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=storage.bucket_name, Prefix=root):
        for item in page.get("Contents", []):
            name = item["Key"][len(location) :].lstrip("/") if location else item["Key"]
            yield name, item["LastModified"]


def _local_objects(storage, prefix):
    try:
        folders, files = storage.listdir(prefix)
    except FileNotFoundError:
        return
    for name in files:
        path = f"{prefix}/{name}"
        yield path, storage.get_modified_time(path)
    for folder in folders:
        yield from _local_objects(storage, f"{prefix}/{folder}")


def stored_objects(storage, prefixes):
    """{name: modified time} of every object under the given top-level folders."""
    lister = _s3_objects if _is_s3(storage) else _local_objects
    return {name: modified for prefix in prefixes for name, modified in lister(storage, prefix)}


def _records():
    """(storage alias, label, queryset) for every model whose rows point at stored files."""
    image_model = get_image_model()
    return [
        ("default", _("imagen"), image_model.objects.all()),
        ("default", _("documento"), get_document_model().objects.all()),
        ("default", _("video/audio"), MediaAsset.objects.all()),
        ("default", _("subtítulos"), CaptionTrack.objects.all()),
        ("default", _("archivo guardado"), StoredFile.objects.all()),
        ("renditions", _("miniatura"), image_model.get_rendition_model().objects.all()),
    ]


def _stale_multipart_uploads(storage, older_than):
    client = storage.connection.meta.client
    for page in client.get_paginator("list_multipart_uploads").paginate(Bucket=storage.bucket_name):
        for upload in page.get("Uploads", []):
            if upload["Initiated"] < older_than:
                yield storage, upload["Key"], upload["UploadId"], upload["Initiated"]


def inspect():
    """Build the report: objects with no record, records with no object, abandoned uploads."""
    places = {
        "default": (storages["default"], ORIGINAL_PREFIXES),
        "renditions": (get_rendition_storage(), RENDITION_PREFIXES),
    }
    objects = {alias: stored_objects(storage, prefixes) for alias, (storage, prefixes) in places.items()}
    referenced = {alias: set() for alias in places}
    report = Report()
    for alias, label, queryset in _records():
        for record in queryset.only("pk", "file").iterator():
            name = record.file.name
            if not name:
                continue
            referenced[alias].add(name)
            if name not in objects[alias]:
                report.missing.append(Missing(label, record, name, regenerable=alias == "renditions"))
    for alias, (storage, _prefixes) in places.items():
        for name, modified in sorted(objects[alias].items()):
            if name not in referenced[alias]:
                report.orphans.append((storage, name, modified))
    return report


def abandoned_uploads(grace):
    storage = storages["default"]
    if not _is_s3(storage):
        return []
    return list(_stale_multipart_uploads(storage, timezone.now() - grace))


def is_old(modified, grace):
    if timezone.is_naive(modified):
        modified = timezone.make_aware(modified, datetime.UTC)
    return modified < timezone.now() - grace


def delete_orphan(storage, name):
    storage.delete(name)


def abort_upload(storage, key, upload_id):
    storage.connection.meta.client.abort_multipart_upload(Bucket=storage.bucket_name, Key=key, UploadId=upload_id)
