"""`GET /salud/` and the site with a part down: Redis, the search engine, stored files, the database.

Every part is real: a closed local port stands for a stopped Redis, Elasticsearch or PostgreSQL,
and the database case runs the site in its own process pointed at a PostgreSQL nobody listens on.
"""

import json
import logging
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
import redis
from django.contrib.auth import get_user_model
from django.test import Client

from acervo import health, redis_cache
from media.storage_settings import storages_from_environment
from tests.media.conftest import CREDENTIALS, REGION, Bucket, s3_endpoint  # noqa: F401 (a fixture)

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = "redis://127.0.0.1:6379/13"


def _closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(autouse=True)
def fresh_outage_log(monkeypatch):
    """The first Redis error of each test is logged, whatever an earlier test logged."""
    monkeypatch.setattr(redis_cache, "outage_log", redis_cache._OutageLog())


def _redis_cache(settings, url):
    settings.CACHES = {
        "default": {"BACKEND": "acervo.redis_cache.ReusedClientRedisCache", "LOCATION": url, "KEY_PREFIX": "salud"}
    }
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"


@pytest.fixture
def healthy_parts(settings, tmp_path, run_command):
    """A site whose every part answers: a built embedded index, a writable upload folder, the local cache."""
    settings.ELASTICSEARCH_URL = ""
    settings.ACERVO_SEARCH_INDEX_DIR = tmp_path / "indice"
    settings.MEDIA_ROOT = str(tmp_path / "archivos")
    result = run_command("search_index", "rebuild")
    assert result.code == 0, result.stderr


def _health(client=None):
    response = (client or Client()).get("/salud/")
    return response, json.loads(response.content)


def test_all_parts_up_is_ok_and_never_cached(healthy_parts):
    response, body = _health()
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert body == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "storage": "ok", "search": "ok", "tasks": {"pending": 0}},
    }
    assert "no-store" in response["Cache-Control"] and "public" not in response["Cache-Control"]
    assert Client().post("/salud/").status_code == 405


def test_pending_tasks_are_counted_up_to_a_cap(healthy_parts, settings, monkeypatch):
    from search.tasks import drain_index_queue

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    for _ in range(3):
        drain_index_queue.enqueue()
    assert _health()[1]["checks"]["tasks"] == {"pending": 3}
    monkeypatch.setattr(health, "PENDING_TASKS_CAP", 2)
    response, body = _health()
    assert body["checks"]["tasks"] == {"pending": 2} and body["status"] == "ok" and response.status_code == 200


def test_real_redis_up_is_ok(healthy_parts, settings):
    try:
        redis.Redis.from_url(REDIS_URL).ping()
    except redis.ConnectionError:
        pytest.skip("Redis no está disponible en 127.0.0.1:6379")
    _redis_cache(settings, REDIS_URL)
    response, body = _health()
    assert response.status_code == 200 and body["status"] == "ok" and body["checks"]["cache"] == "ok"


def test_redis_down_every_page_answers_sessions_fall_back_and_health_names_the_cache(
    healthy_parts, settings, site_structure, caplog
):
    _redis_cache(settings, f"redis://127.0.0.1:{_closed_port()}/0")
    get_user_model().objects.create_user("ana", "ana@example.org", "contraseña-segura-123", first_name="Ana")
    caplog.set_level(logging.ERROR, logger="acervo.redis_cache")

    anonymous = Client()
    assert anonymous.get("/").status_code == 200
    assert anonymous.get("/buscar/", {"q": "lectura"}).status_code == 200
    assert anonymous.get("/api/v1/search/", {"q": "lectura"}).status_code == 200
    assert anonymous.get("/api/v1/courses/").status_code == 200

    learner = Client()
    response = learner.post("/cuentas/entrar/", {"username": "ana", "password": "contraseña-segura-123"})
    assert response.status_code == 302 and response["Location"] == "/mi-aprendizaje/"
    # The session was written to the database only; the next requests read it from there.
    dashboard = learner.get("/mi-aprendizaje/")
    assert dashboard.status_code == 200 and "Ana" in dashboard.content.decode()
    mine = learner.get("/api/v1/me/courses/")
    assert mine.status_code == 200 and Client().get("/api/v1/me/courses/").status_code in (401, 403)

    response, body = _health()
    assert response.status_code == 200
    assert body["status"] == "degraded"
    assert body["checks"]["cache"] == "degraded"
    assert {name: body["checks"][name] for name in ("database", "storage", "search")} == {
        "database": "ok",
        "storage": "ok",
        "search": "ok",
    }
    assert any("Redis cache unreachable" in record.getMessage() for record in caplog.records)


def test_redis_down_cache_calls_answer_like_misses(settings, caplog):
    from django.core.cache import cache

    _redis_cache(settings, f"redis://127.0.0.1:{_closed_port()}/0")
    caplog.set_level(logging.ERROR, logger="acervo.redis_cache")
    cache.set("clave", 1)
    assert cache.get("clave") is None and cache.get("clave", "nada") == "nada"
    assert cache.add("clave", 1) is False
    assert cache.get_many(["a", "b"]) == {} and cache.has_key("a") is False
    assert cache.get_or_set("calculado", lambda: 42) == 42
    cache.set_many({"a": 1})
    cache.delete_many(["a"])
    with pytest.raises(ValueError):
        cache.incr("contador")
    errors = [record for record in caplog.records if record.name == "acervo.redis_cache"]
    assert len(errors) == 1  # one line per interval, not one per call


def test_search_engine_down_is_degraded_and_named(healthy_parts, settings):
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{_closed_port()}"
    response, body = _health()
    assert response.status_code == 200
    assert body["status"] == "degraded" and body["checks"]["search"] == "degraded"
    assert body["checks"]["database"] == "ok" and body["checks"]["cache"] == "ok"


def test_upload_folder_not_writable_is_degraded_and_named(healthy_parts, settings, tmp_path):
    not_a_folder = tmp_path / "archivo"
    not_a_folder.write_text("no es carpeta")
    settings.MEDIA_ROOT = str(not_a_folder / "subidas")
    response, body = _health()
    assert response.status_code == 200
    assert body["status"] == "degraded" and body["checks"]["storage"] == "degraded"


def _s3_storages(endpoint, bucket_name):
    return storages_from_environment(
        {
            "AWS_STORAGE_BUCKET_NAME": bucket_name,
            "AWS_S3_ENDPOINT_URL": endpoint,
            "AWS_S3_REGION_NAME": REGION,
            "AWS_S3_ADDRESSING_STYLE": "path",
            **CREDENTIALS,
        }
    )


def test_s3_bucket_reachable_is_ok_and_a_missing_bucket_or_endpoint_is_degraded(healthy_parts, settings, s3_endpoint):
    bucket = Bucket(s3_endpoint, "acervo-salud")
    settings.STORAGES = _s3_storages(s3_endpoint, bucket.name)
    response, body = _health()
    assert body["status"] == "ok" and body["checks"]["storage"] == "ok"

    settings.STORAGES = _s3_storages(s3_endpoint, "acervo-no-existe")
    response, body = _health()
    assert response.status_code == 200 and body["status"] == "degraded" and body["checks"]["storage"] == "degraded"

    settings.STORAGES = _s3_storages(f"http://127.0.0.1:{_closed_port()}", bucket.name)
    response, body = _health()
    assert response.status_code == 200 and body["status"] == "degraded" and body["checks"]["storage"] == "degraded"


def test_database_unreachable_answers_503_naming_the_database(tmp_path):
    """The site in its own process, configured for a PostgreSQL server that does not listen."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "acervo.settings.test",
        "DATABASE_URL": f"postgres://acervo:clave@127.0.0.1:{_closed_port()}/acervo",
        "ACERVO_TEST_DATA_DIR": str(tmp_path),
        "ELASTICSEARCH_URL": "",
        "REDIS_URL": "",
    }
    script = (
        "import django, json; django.setup()\n"
        "from django.test import Client\n"
        "response = Client().get('/salud/')\n"
        "print(json.dumps({'code': response.status_code, 'body': json.loads(response.content), "
        "'cache': response['Cache-Control']}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout.strip().splitlines()[-1])
    assert answer["code"] == 503
    assert answer["body"]["status"] == "error"
    assert answer["body"]["checks"]["database"] == "error"
    assert answer["body"]["checks"]["tasks"] == {"pending": None}
    assert "no-store" in answer["cache"]
    assert "database unreachable" in done.stderr
