"""Background work of the search app (django-tasks)."""

from django_tasks import task

from . import indexing


@task()
def drain_index_queue():
    applied, failed = indexing.drain()
    return {"applied": applied, "failed": failed}
