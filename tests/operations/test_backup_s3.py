"""Backup and restore with the stored files on S3 (moto's server over HTTP): from one bucket into another."""

import uuid

import pytest

from tests.media.conftest import CREDENTIALS, REGION, Bucket, s3_endpoint  # noqa: F401 (a fixture)
from tests.operations.checks import assert_restored, assert_site_as_before
from tests.operations.instance import Instance


def _s3_instance(folder, endpoint, database_template=None):
    bucket = Bucket(endpoint, f"acervo-{uuid.uuid4().hex[:12]}")
    instance = Instance(
        folder,
        environ={
            "AWS_STORAGE_BUCKET_NAME": bucket.name,
            "AWS_S3_ENDPOINT_URL": endpoint,
            "AWS_S3_REGION_NAME": REGION,
            "AWS_S3_ADDRESSING_STYLE": "path",
            **CREDENTIALS,
        },
    )
    if database_template:
        instance.copy_database_from(database_template)
    return instance, bucket


@pytest.fixture
def populated_on_s3(s3_endpoint, migrated_sqlite, tmp_path):
    instance, bucket = _s3_instance(tmp_path / "origen", s3_endpoint, migrated_sqlite)
    instance.facts = instance.probe("populate")
    instance.bucket = bucket
    return instance


def test_files_go_from_one_bucket_into_another(populated_on_s3, s3_endpoint, tmp_path):
    assert populated_on_s3.bucket.keys(), "the source's files are in its bucket"
    assert not (populated_on_s3.data_dir / "uploads").exists()
    path = tmp_path / "acervo.tar"
    populated_on_s3.manage("backup", "--output", str(path), "--no-progress")

    target, bucket = _s3_instance(tmp_path / "destino", s3_endpoint)
    target.manage("restore", str(path), "--no-progress")

    assert bucket.keys() == populated_on_s3.bucket.keys()
    for key in bucket.keys():
        assert bucket.read(key) == populated_on_s3.bucket.read(key)
    assert_restored(populated_on_s3, target)
    assert_site_as_before(target, populated_on_s3.facts)
