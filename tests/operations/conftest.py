"""Fixtures for backup and restore: instances in their own data folders, one migrated database to start from."""

import hashlib

import pytest

from tests.operations.instance import Instance


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory):
    """A SQLite database after `migrate`, made once per run: instances start from a copy of it."""
    instance = Instance(tmp_path_factory.mktemp("migrado"))
    instance.manage("migrate", "--no-input", "-v", "0")
    return instance.sqlite_file


@pytest.fixture(scope="session")
def populated_sqlite(tmp_path_factory, migrated_sqlite):
    """A source instance with resources, stored files, a course, learners, progress and a certificate.

    Shared by the tests of a run: they only read it, or restore onto it what it already holds.
    """
    instance = Instance(tmp_path_factory.mktemp("origen"))
    instance.copy_database_from(migrated_sqlite)
    instance.facts = instance.probe("populate")
    return instance


@pytest.fixture
def fresh_instance(tmp_path):
    """An empty data folder: no database file, no uploads."""
    return Instance(tmp_path / "destino")


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def folder_digests(folder):
    return {str(p.relative_to(folder)): sha256_of(p) for p in sorted(folder.rglob("*")) if p.is_file()}
