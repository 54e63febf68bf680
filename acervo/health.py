"""`GET /salud/`: whether this process can reach its database, cache, stored files, search engine and task queue.

Load balancers and monitors poll it, so every check is one small round trip: no table is scanned
and the task backlog is counted only up to a cap. What each check means is in docs/operacion.md.
"""

import logging
import os
import uuid
from pathlib import Path

from django.core.cache import cache
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

OK, DEGRADED, ERROR = "ok", "degraded", "error"
# Counting stops here: the answer stays one index range read however large the backlog grows.
PENDING_TASKS_CAP = 10_000
STORAGE_PROBE = "salud/.sonda"


def check_database():
    try:
        with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        logger.error("Health: database unreachable: %s", exc)
        return ERROR
    return OK


def check_cache():
    """A write then a read: the project's Redis backend answers misses instead of raising when Redis is down."""
    key, value = f"salud:{uuid.uuid4().hex}", uuid.uuid4().hex
    try:
        cache.set(key, value, 10)
        answered = cache.get(key)
        cache.delete(key)
    except Exception as exc:  # any backend: an error here is the cache's, never the site's
        logger.warning("Health: cache failed: %s", exc)
        return DEGRADED
    return OK if answered == value else DEGRADED


def _writable_directory(location):
    """FileSystemStorage creates its folder on the first upload: a missing folder is fine if it can be made."""
    path = Path(location)
    while not path.exists():
        if path.parent == path:
            return False
        path = path.parent
    return path.is_dir() and os.access(path, os.W_OK | os.X_OK)


def check_storage():
    try:
        if isinstance(default_storage, FileSystemStorage):
            return OK if _writable_directory(default_storage.location) else DEGRADED
        bucket = getattr(default_storage, "bucket_name", None)
        if bucket:  # S3: one HEAD request, which also fails when the bucket is gone or access is denied
            default_storage.connection.meta.client.head_bucket(Bucket=bucket)
        else:
            default_storage.exists(STORAGE_PROBE)  # any other backend: one lookup; absence is fine
    except Exception as exc:  # botocore and friends raise many types; all mean "not reachable"
        logger.warning("Health: storage failed: %s", exc)
        return DEGRADED
    return OK


def check_search():
    from search.backends import get_backend

    return OK if get_backend().ping() else DEGRADED


def pending_tasks():
    """Tasks waiting for a worker, counted through django-tasks-db's partial index on ready rows."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    ready = DBTaskResult.objects.filter(status=TaskResultStatus.READY).order_by().values("pk")[:PENDING_TASKS_CAP]
    try:
        return ready.count()
    except DatabaseError as exc:
        logger.error("Health: task queue unreadable: %s", exc)
        return None


@never_cache
@require_safe
def health(request):
    database = check_database()
    checks = {
        "database": database,
        "cache": check_cache(),
        "storage": check_storage(),
        "search": check_search(),
        "tasks": {"pending": pending_tasks() if database == OK else None},
    }
    if database != OK:
        status = ERROR
    elif any(value != OK for name, value in checks.items() if name != "tasks"):
        status = DEGRADED
    else:
        status = OK
    return JsonResponse({"status": status, "checks": checks}, status=503 if status == ERROR else 200)
