"""Background work of the search app (django-tasks)."""

from django_tasks import task

from . import indexing


@task()
def drain_index_queue():
    applied, failed = indexing.drain()
    return {"applied": applied, "failed": failed}


@task()
def compute_embeddings():
    """Embed what searchable records lack (derived from the database each time) and queue them for reindexing."""
    from .embeddings.compute import compute_missing

    return {"computed": compute_missing()}
