"""Backup and restore on PostgreSQL: pg_dump from one database, pg_restore into a second one the test creates."""

import os
import uuid
from urllib.parse import quote

import dj_database_url
import psycopg
import pytest

from tests.operations.checks import assert_restored, assert_site_as_before
from tests.operations.instance import Instance

SERVER_URL = os.environ.get("DATABASE_URL", "")
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        not SERVER_URL.startswith(("postgres://", "postgresql://")),
        reason="Needs a PostgreSQL server for the second database; run with DATABASE_URL=postgres://…",
    ),
]


class Server:
    """The PostgreSQL server of DATABASE_URL: databases created and dropped by these tests."""

    def __init__(self, url):
        self.settings = dj_database_url.parse(url)
        self.created = []

    def _admin(self):
        s = self.settings
        return psycopg.connect(
            host=s["HOST"] or "127.0.0.1",
            port=s["PORT"] or 5432,
            user=s["USER"] or "postgres",
            password=s["PASSWORD"] or None,
            dbname="postgres",
            autocommit=True,
        )

    def create(self, template=None):
        name = f"acervo_copia_{uuid.uuid4().hex[:10]}"
        with self._admin() as admin:
            admin.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
        self.created.append(name)
        return name

    def url(self, name):
        s = self.settings
        credentials = quote(s["USER"] or "postgres") + (f":{quote(s['PASSWORD'])}" if s["PASSWORD"] else "")
        return f"postgres://{credentials}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{name}"

    def drop_all(self):
        with self._admin() as admin:
            for name in self.created:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def server():
    postgres = Server(SERVER_URL)
    yield postgres
    postgres.drop_all()


@pytest.fixture(scope="module")
def populated_postgres(server, tmp_path_factory):
    template = server.create()
    Instance(tmp_path_factory.mktemp("plantilla-pg"), server.url(template)).manage("migrate", "--no-input", "-v", "0")
    instance = Instance(tmp_path_factory.mktemp("origen-pg"), server.url(server.create(template=template)))
    instance.facts = instance.probe("populate")
    return instance


@pytest.fixture(scope="module")
def postgres_backup(populated_postgres, tmp_path_factory):
    path = tmp_path_factory.mktemp("copias-pg") / "acervo.tar"
    result = populated_postgres.manage("backup", "--output", str(path), "--no-progress")
    assert "base de datos postgresql" in result.stdout
    return path


def test_restore_into_a_new_database_brings_everything_back(server, populated_postgres, postgres_backup, tmp_path):
    target = Instance(tmp_path / "destino", server.url(server.create()))
    result = target.manage("restore", str(postgres_backup), "--no-progress")
    assert "search_index rebuild" in result.stdout
    assert_restored(populated_postgres, target)
    assert_site_as_before(target, populated_postgres.facts)


def test_a_non_empty_database_needs_force(server, populated_postgres, postgres_backup, tmp_path):
    target = Instance(tmp_path / "destino", server.url(server.create()))
    target.manage("restore", str(postgres_backup), "--no-progress")
    target.manage("createsuperuser", "--no-input", "--username", "nueva", "--email", "nueva@example.mx")

    refused = target.manage("restore", str(postgres_backup), "--no-progress", expect=1)
    assert "no está vacío" in refused.stderr and "--force" in refused.stderr
    assert "nueva" in target.probe("snapshot")["passwords"]

    target.manage("restore", str(postgres_backup), "--force", "--no-progress")
    assert_restored(populated_postgres, target)


def test_a_postgresql_backup_is_refused_by_a_sqlite_site(postgres_backup, tmp_path):
    target = Instance(tmp_path / "sqlite")
    result = target.manage("restore", str(postgres_backup), "--no-progress", expect=1)
    assert "postgresql" in result.stderr and "sqlite" in result.stderr
    assert "No se cambió nada" in result.stderr
    assert not (target.data_dir / "uploads").exists()
