"""STORAGES comes from the environment: local disk by default, S3 when a bucket is named."""

from media.storage_settings import storages_from_environment


def test_without_a_bucket_everything_is_on_local_disk():
    storages = storages_from_environment({})
    assert storages["default"] == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    assert storages["renditions"]["BACKEND"].endswith("FileSystemStorage")
    assert "staticfiles" in storages


def test_a_bucket_switches_originals_to_private_s3():
    storages = storages_from_environment(
        {
            "AWS_STORAGE_BUCKET_NAME": "acervo-sep",
            "AWS_S3_ENDPOINT_URL": "https://minio.example.mx",
            "AWS_S3_REGION_NAME": "us-east-1",
            "AWS_ACCESS_KEY_ID": "llave",
            "AWS_SECRET_ACCESS_KEY": "secreto",
        }
    )
    default = storages["default"]
    assert default["BACKEND"] == "storages.backends.s3.S3Storage"
    assert default["OPTIONS"]["bucket_name"] == "acervo-sep"
    assert default["OPTIONS"]["endpoint_url"] == "https://minio.example.mx"
    assert default["OPTIONS"]["access_key"] == "llave" and default["OPTIONS"]["secret_key"] == "secreto"
    assert default["OPTIONS"]["querystring_auth"] is True and default["OPTIONS"]["default_acl"] is None
    assert storages["renditions"]["OPTIONS"]["querystring_auth"] is True


def test_renditions_can_be_public_while_originals_stay_private():
    storages = storages_from_environment(
        {
            "AWS_STORAGE_BUCKET_NAME": "acervo-sep",
            "AWS_PUBLIC_RENDITIONS": "1",
            "AWS_S3_CUSTOM_DOMAIN": "cdn.example.mx",
        }
    )
    assert storages["default"]["OPTIONS"]["querystring_auth"] is True
    renditions = storages["renditions"]["OPTIONS"]
    assert renditions["default_acl"] == "public-read" and renditions["querystring_auth"] is False
    assert renditions["custom_domain"] == "cdn.example.mx"
