"""Fixtures for media tests: a real S3 endpoint (moto's server) or local disk behind STORAGES."""

import socket
import uuid

import boto3
import pytest
from django.core.cache import cache
from moto.server import ThreadedMotoServer

from media.storage_settings import storages_from_environment

REGION = "us-east-1"
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "acervo-test", "AWS_SECRET_ACCESS_KEY": "acervo-test-secret"}


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def s3_endpoint():
    """moto's S3 HTTP server on a free local port, for the whole test session."""
    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


class Bucket:
    """A fresh bucket and a boto3 client to look inside it, independent of the code under test."""

    def __init__(self, endpoint, name):
        self.name = name
        self.client = boto3.client(
            "s3",
            endpoint_url=endpoint,
            region_name=REGION,
            aws_access_key_id=CREDENTIALS["AWS_ACCESS_KEY_ID"],
            aws_secret_access_key=CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
        )
        self.client.create_bucket(Bucket=name)

    def keys(self, prefix=""):
        pages = self.client.get_paginator("list_objects_v2").paginate(Bucket=self.name, Prefix=prefix)
        return sorted(item["Key"] for page in pages for item in page.get("Contents", []))

    def read(self, key):
        return self.client.get_object(Bucket=self.name, Key=key)["Body"].read()


@pytest.fixture
def s3_bucket(s3_endpoint, settings):
    """Point every storage at a new bucket on the moto server, exactly as the environment would."""
    bucket = Bucket(s3_endpoint, f"acervo-{uuid.uuid4().hex[:12]}")
    settings.STORAGES = storages_from_environment(
        {
            "AWS_STORAGE_BUCKET_NAME": bucket.name,
            "AWS_S3_ENDPOINT_URL": s3_endpoint,
            "AWS_S3_REGION_NAME": REGION,
            "AWS_S3_ADDRESSING_STYLE": "path",
            **CREDENTIALS,
        }
    )
    return bucket


class LocalFolder:
    """The local uploads folder, with the same look-inside helpers as Bucket."""

    def __init__(self, root):
        self.root = root

    def keys(self, prefix=""):
        if not self.root.exists():
            return []
        return sorted(
            str(p.relative_to(self.root))
            for p in self.root.rglob("*")
            if p.is_file() and str(p.relative_to(self.root)).startswith(prefix)
        )

    def read(self, key):
        return (self.root / key).read_bytes()


@pytest.fixture
def local_storage(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "uploads"
    settings.STORAGES = storages_from_environment({})
    return LocalFolder(settings.MEDIA_ROOT)


@pytest.fixture(autouse=True)
def fresh_cache():
    # Wagtail caches renditions by image id; ids repeat across rolled-back tests.
    cache.clear()


@pytest.fixture(params=["local", "s3"])
def store(request):
    """Run a test once on local disk and once on S3."""
    return request.getfixturevalue("local_storage" if request.param == "local" else "s3_bucket")


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editora", "editora@example.mx", "clave-segura-123")
    client.force_login(user)
    return client
