"""Starting the background embedding job (search.tasks.compute_embeddings) without piling copies of it up.

The job needs no arguments: what it must do is derivable from the database, so one waiting copy
covers every change committed before it starts, and a worker that dies loses nothing.
"""

import logging

from django.db import connection, transaction

from .encoder import semantic_search_enabled

logger = logging.getLogger(__name__)


def schedule_embeddings():
    """Start the job once the current transaction commits (once per transaction, whatever the callers)."""
    if not semantic_search_enabled():
        return
    if not any(callback[1] is kick_embeddings for callback in connection.run_on_commit):
        transaction.on_commit(kick_embeddings)


def kick_embeddings():
    """Queue the job now, unless a copy is already waiting; returns whether one was queued."""
    from search.tasks import compute_embeddings

    if not semantic_search_enabled():
        return False
    try:
        if _waiting(compute_embeddings):
            return False
        compute_embeddings.enqueue()
    except Exception:  # nothing is lost: the next drain, `search_index update` or `ingest_files` queues it
        logger.exception("could not enqueue the embedding task")
        return False
    return True


def _waiting(task):
    """Whether a copy of the task is queued and not started: the database backend can tell, others cannot."""
    from django_tasks_db import DatabaseBackend

    if not isinstance(task.get_backend(), DatabaseBackend):
        return False
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(task_path=task.module_path, status=TaskResultStatus.READY).exists()
