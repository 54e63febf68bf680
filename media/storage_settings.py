"""Django's STORAGES from the environment: local disk by default, S3 when a bucket is named."""

S3_BACKEND = "storages.backends.s3.S3Storage"
LOCAL_BACKEND = "django.core.files.storage.FileSystemStorage"
STATIC_BACKEND = "django.contrib.staticfiles.storage.StaticFilesStorage"


def _truthy(value):
    return str(value or "").strip().lower() in {"1", "true", "yes", "on"}


def s3_options(environ):
    """Options shared by every S3 storage: bucket, endpoint, region, credentials."""
    options = {
        "bucket_name": environ["AWS_STORAGE_BUCKET_NAME"],
        # Originals stay private: every URL is a short-lived signed one.
        "default_acl": None,
        "querystring_auth": True,
        "querystring_expire": int(environ.get("AWS_QUERYSTRING_EXPIRE", "3600")),
        "file_overwrite": False,
        "location": environ.get("AWS_LOCATION", ""),
        # Signature v4 is what AWS and every S3-compatible server accept for signed URLs.
        "signature_version": environ.get("AWS_S3_SIGNATURE_VERSION", "s3v4"),
    }
    optional = {
        "endpoint_url": "AWS_S3_ENDPOINT_URL",
        "region_name": "AWS_S3_REGION_NAME",
        "access_key": "AWS_ACCESS_KEY_ID",
        "secret_key": "AWS_SECRET_ACCESS_KEY",
        "addressing_style": "AWS_S3_ADDRESSING_STYLE",
    }
    for option, variable in optional.items():
        if environ.get(variable):
            options[option] = environ[variable]
    return options


def storages_from_environment(environ):
    """Return the STORAGES setting; "renditions" is where Wagtail writes image renditions.

    With AWS_PUBLIC_RENDITIONS set, renditions are written public-read (optionally under
    AWS_S3_CUSTOM_DOMAIN, e.g. a CDN) so pages can cache their URLs; originals stay private.
    """
    storages = {"staticfiles": {"BACKEND": STATIC_BACKEND}}
    if not environ.get("AWS_STORAGE_BUCKET_NAME"):
        # No location: FileSystemStorage follows settings.MEDIA_ROOT (ACERVO_DATA_DIR/uploads).
        storages["default"] = {"BACKEND": LOCAL_BACKEND}
        storages["renditions"] = {"BACKEND": LOCAL_BACKEND}
        return storages

    private = s3_options(environ)
    storages["default"] = {"BACKEND": S3_BACKEND, "OPTIONS": private}
    renditions = dict(private)
    if _truthy(environ.get("AWS_PUBLIC_RENDITIONS")):
        renditions.update({"default_acl": "public-read", "querystring_auth": False})
        if environ.get("AWS_S3_CUSTOM_DOMAIN"):
            renditions["custom_domain"] = environ["AWS_S3_CUSTOM_DOMAIN"]
    storages["renditions"] = {"BACKEND": S3_BACKEND, "OPTIONS": renditions}
    return storages
