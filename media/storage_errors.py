"""An unreachable file storage (S3 down, refused, timing out) told apart, so uploads fail with a clear message.

Uploads check the storage before anything is written: an editor gets the form back with the reason
instead of an error page, and no record is created for a file that never reached the bucket.
"""

from boto3.exceptions import S3UploadFailedError
from botocore.exceptions import BotoCoreError, ClientError
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage, default_storage
from django.utils.translation import gettext as _

STORAGE_ERRORS = (BotoCoreError, ClientError, S3UploadFailedError)
PROBE = "salud/.sonda"


def unavailable_error():
    return ValidationError(
        _("El almacenamiento de archivos no respondió; no se guardó nada. Vuelve a intentarlo en unos minutos."),
        code="storage_unavailable",
    )


def check_reachable(storage=None):
    """Raise `unavailable_error()` when the storage cannot be reached (S3: one HEAD request)."""
    storage = storage or default_storage
    if isinstance(storage, FileSystemStorage):
        return
    try:
        storage.exists(PROBE)
    except STORAGE_ERRORS:
        raise unavailable_error() from None
