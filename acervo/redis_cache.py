"""Django's Redis cache backend, keeping one client per connection pool and surviving a Redis outage.

Django builds a new `redis.Redis` object for every cache call; a session read on every request pays
for it. A `redis.Redis` client is thread-safe and takes its connections from the pool, so one per
pool is enough.

Django's backend raises when Redis cannot be reached, which turns a cache outage into a site
outage. Here a connection error is logged and answered as a miss (or a failed write): pages are
built from the database, sessions are read from it (`cached_db`), and `/salud/` reports the cache
as degraded (see docs/operacion.md).
"""

import functools
import logging
import threading
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNREACHABLE = (RedisConnectionError, RedisTimeoutError)
# A hung Redis must not hang every request: connecting and answering are both bounded.
DEFAULT_POOL_OPTIONS = {"socket_connect_timeout": 1, "socket_timeout": 2}
# During an outage every request fails several cache calls; one log line per interval is enough.
LOG_INTERVAL_SECONDS = 10


class _OutageLog:
    def __init__(self):
        self._lock = threading.Lock()
        self._last = None
        self._suppressed = 0

    def error(self, operation, exc):
        with self._lock:
            now = time.monotonic()
            if self._last is not None and now - self._last < LOG_INTERVAL_SECONDS:
                self._suppressed += 1
                return
            suppressed, self._suppressed, self._last = self._suppressed, 0, now
        logger.error(
            "Redis cache unreachable (%s): %s; answered as a miss (%d similar errors not logged)",
            operation,
            exc,
            suppressed,
        )


outage_log = _OutageLog()


def _answering(fallback):
    """Run a client call; when Redis cannot be reached, log and return what a miss returns."""

    def decorate(method):
        @functools.wraps(method)
        def call(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except UNREACHABLE as exc:
                outage_log.error(method.__name__, exc)
                return fallback(*args, **kwargs)

        return call

    return decorate


def _missing_key(key, delta):
    raise ValueError(f"Key '{key}' not found.")  # what incr says of a key the cache does not hold


class ReusedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client

    add = _answering(lambda key, value, timeout: False)(RedisCacheClient.add)
    get = _answering(lambda key, default: default)(RedisCacheClient.get)
    set = _answering(lambda key, value, timeout: None)(RedisCacheClient.set)
    touch = _answering(lambda key, timeout: False)(RedisCacheClient.touch)
    delete = _answering(lambda key: False)(RedisCacheClient.delete)
    get_many = _answering(lambda keys: {})(RedisCacheClient.get_many)
    has_key = _answering(lambda key: False)(RedisCacheClient.has_key)
    incr = _answering(_missing_key)(RedisCacheClient.incr)
    set_many = _answering(lambda data, timeout: None)(RedisCacheClient.set_many)
    delete_many = _answering(lambda keys: None)(RedisCacheClient.delete_many)
    clear = _answering(lambda: False)(RedisCacheClient.clear)


class ReusedClientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient
        self._options = {**DEFAULT_POOL_OPTIONS, **self._options}
