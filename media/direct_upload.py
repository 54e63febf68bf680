"""Browser-to-S3 uploads: presigned POST or multipart parts, then verification before the asset exists."""

import math
import uuid

from botocore.exceptions import BotoCoreError, ClientError
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.utils import timezone
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from .formats import HEAD_BYTES
from .models import MediaAsset
from .storage_errors import unavailable_error
from .validation import check_declared, check_format

SIGNING_SALT = "acervo-media-direct-upload"
# A token stays valid long enough to resume a slow upload the next day, not forever.
TOKEN_MAX_AGE = 2 * 24 * 3600
MB = 1024 * 1024


def _setting(name, default):
    return getattr(settings, name, default)


def presigned_expiry():
    return int(_setting("ACERVO_PRESIGNED_EXPIRY_SECONDS", 15 * 60))


def multipart_threshold():
    return int(_setting("ACERVO_MULTIPART_THRESHOLD_BYTES", 100 * MB))


def part_size():
    # S3 needs parts of at least 5 MB (all but the last) and at most 10,000 of them.
    return max(int(_setting("ACERVO_MULTIPART_PART_SIZE_BYTES", 64 * MB)), 5 * MB)


def s3_storage():
    """The default storage when it is S3, else None (local disk takes ordinary uploads)."""
    from storages.backends.s3 import S3Storage

    storage = storages["default"]
    return storage if isinstance(storage, S3Storage) else None


class Target:
    """Where an object lives in the bucket: the storage name and its S3 key."""

    def __init__(self, storage, name):
        self.storage = storage
        self.name = name
        self.key = storage._normalize_name(name)
        self.bucket = storage.bucket_name
        self.client = storage.connection.meta.client


def _sign(data):
    return signing.dumps(data, salt=SIGNING_SALT)


def _unsign(token):
    try:
        return signing.loads(str(token), salt=SIGNING_SALT, max_age=TOKEN_MAX_AGE)
    except signing.SignatureExpired:
        raise ValidationError(_("La subida caducó; vuelve a empezarla."), code="expired") from None
    except signing.BadSignature:
        raise ValidationError(_("El comprobante de la subida no es válido."), code="bad_token") from None


def _storage_error():
    return unavailable_error()


def _part_urls(target, upload_id, numbers):
    return [
        {
            "number": number,
            "url": target.client.generate_presigned_url(
                "upload_part",
                Params={"Bucket": target.bucket, "Key": target.key, "UploadId": upload_id, "PartNumber": number},
                ExpiresIn=presigned_expiry(),
            ),
        }
        for number in numbers
    ]


def start(storage, filename, size, kind):
    """Check what the browser declares and return the presigned request(s) for its bytes."""
    fmt = check_declared(filename, size, {kind})
    safe_name = get_valid_filename(filename)[-150:] or "archivo"
    name = f"assets/{timezone.now():%Y/%m}/{uuid.uuid4().hex}/{safe_name}"
    target = Target(storage, name)
    data = {"name": name, "size": size, "kind": kind, "filename": filename, "content_type": fmt.mime_type}
    try:
        if size <= multipart_threshold():
            post = target.client.generate_presigned_post(
                target.bucket,
                target.key,
                Fields={"Content-Type": fmt.mime_type},
                Conditions=[{"Content-Type": fmt.mime_type}, ["content-length-range", size, size]],
                ExpiresIn=presigned_expiry(),
            )
            return {"mode": "post", "url": post["url"], "fields": post["fields"], "token": _sign(data)}
        upload_id = target.client.create_multipart_upload(
            Bucket=target.bucket, Key=target.key, ContentType=fmt.mime_type
        )["UploadId"]
        size_of_part = max(part_size(), math.ceil(size / 10_000))
        count = math.ceil(size / size_of_part)
        data["upload_id"] = upload_id
        return {
            "mode": "multipart",
            "part_size": size_of_part,
            "parts": _part_urls(target, upload_id, range(1, count + 1)),
            "token": _sign(data),
        }
    except (BotoCoreError, ClientError):
        raise _storage_error() from None


def _uploaded_parts(target, upload_id):
    parts, marker = [], 0
    while True:
        page = target.client.list_parts(
            Bucket=target.bucket, Key=target.key, UploadId=upload_id, PartNumberMarker=marker
        )
        parts += [{"PartNumber": p["PartNumber"], "ETag": p["ETag"], "Size": p["Size"]} for p in page.get("Parts", [])]
        if not page.get("IsTruncated"):
            return parts
        marker = page["NextPartNumberMarker"]


def resume(storage, token):
    """Fresh URLs for the parts not yet in the bucket, so an interrupted upload continues."""
    data = _unsign(token)
    if not data.get("upload_id"):
        raise ValidationError(_("Solo las subidas por partes se pueden reanudar."), code="not_multipart")
    target = Target(storage, data["name"])
    size_of_part = max(part_size(), math.ceil(data["size"] / 10_000))
    count = math.ceil(data["size"] / size_of_part)
    try:
        done = {p["PartNumber"] for p in _uploaded_parts(target, data["upload_id"])}
        missing = [n for n in range(1, count + 1) if n not in done]
        return {
            "part_size": size_of_part,
            "done": sorted(done),
            "parts": _part_urls(target, data["upload_id"], missing),
        }
    except ClientError:
        raise ValidationError(_("Esta subida ya no existe; vuelve a empezarla."), code="gone") from None
    except BotoCoreError:
        raise _storage_error() from None


def _refuse(target, error):
    # A rejected object never stays in the bucket: nothing else would ever clean it up.
    try:
        target.client.delete_object(Bucket=target.bucket, Key=target.key)
    except (BotoCoreError, ClientError):
        pass
    raise error


def complete(storage, token, title, user):
    """Verify the uploaded object (size, type from its first bytes) and create its asset."""
    data = _unsign(token)
    existing = MediaAsset.objects.filter(file=data["name"]).first()
    if existing:
        return existing, False
    target = Target(storage, data["name"])
    try:
        if data.get("upload_id"):
            parts = _uploaded_parts(target, data["upload_id"])
            target.client.complete_multipart_upload(
                Bucket=target.bucket,
                Key=target.key,
                UploadId=data["upload_id"],
                MultipartUpload={"Parts": [{"PartNumber": p["PartNumber"], "ETag": p["ETag"]} for p in parts]},
            )
        head = target.client.head_object(Bucket=target.bucket, Key=target.key)
    except ClientError:
        raise ValidationError(
            _("El archivo no llegó completo al almacenamiento; vuelve a intentarlo."), code="missing_object"
        ) from None
    except BotoCoreError:
        raise _storage_error() from None
    size = head["ContentLength"]
    if size != data["size"]:
        _refuse(
            target,
            ValidationError(
                _("El archivo recibido pesa %(got)s bytes y se esperaban %(expected)s; vuelve a subirlo.")
                % {"got": size, "expected": data["size"]},
                code="size_mismatch",
            ),
        )
    try:
        first_bytes = target.client.get_object(Bucket=target.bucket, Key=target.key, Range=f"bytes=0-{HEAD_BYTES - 1}")[
            "Body"
        ].read()
    except (BotoCoreError, ClientError):
        raise _storage_error() from None
    try:
        fmt = check_format(first_bytes, data["filename"], size, {data["kind"]})
    except ValidationError as error:
        _refuse(target, error)
    asset = MediaAsset.objects.create(
        title=(title or "").strip()[:255] or data["filename"].rsplit(".", 1)[0][:255],
        kind=data["kind"],
        file=data["name"],
        content_type=fmt.mime_type,
        size_bytes=size,
        uploaded_by=user if user and user.is_authenticated else None,
    )
    return asset, True
