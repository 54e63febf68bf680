"""The Redis cache backend used in production (with REDIS_URL), against the machine's real Redis."""

import threading
import uuid

import pytest
import redis

from acervo.redis_cache import ReusedClientRedisCache

REDIS_URL = "redis://127.0.0.1:6379/13"


@pytest.fixture
def cache():
    try:
        redis.Redis.from_url(REDIS_URL).ping()
    except redis.ConnectionError:
        pytest.skip("Redis no está disponible en 127.0.0.1:6379")
    backend = ReusedClientRedisCache(REDIS_URL, {"KEY_PREFIX": f"prueba-{uuid.uuid4().hex}"})
    yield backend
    backend.clear()


def test_values_round_trip_and_expire_like_any_django_cache(cache):
    assert cache.get("falta") is None
    cache.set("plan", {"curso": 7, "lecciones": (1, 2, 3)}, 60)
    assert cache.get("plan") == {"curso": 7, "lecciones": (1, 2, 3)}
    assert cache.add("plan", "otro") is False
    cache.delete("plan")
    assert cache.get("plan", "nada") == "nada"
    cache.set("efimero", 1, 0)  # a timeout of 0 stores nothing
    assert cache.get("efimero") is None


def test_one_client_is_shared_by_every_call_and_thread(cache):
    seen = []

    def use():
        cache.set(f"hilo-{threading.get_ident()}", 1)
        seen.append(cache._cache.get_client())

    threads = [threading.Thread(target=use) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({id(client) for client in seen}) == 1
    assert cache.get_many([f"hilo-{t.ident}" for t in threads]) == {f"hilo-{t.ident}": 1 for t in threads}
