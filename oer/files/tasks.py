"""Background file work (django-tasks): downloads and reading, drained by `db_worker`."""

from django_tasks import task


@task()
def ingest_pending_files():
    """Run every due download and pending reading; the rows it works on are the durable record."""
    from .ingest import run_pending

    report = run_pending()
    return {
        "fetched": report.fetched,
        "fetch_failed": report.fetch_failed,
        "read": report.read,
        "read_failed": report.read_failed,
    }
