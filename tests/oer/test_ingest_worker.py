"""The background worker (`db_worker --batch`, django-tasks' database backend) drains every file job."""

import pytest
from django.core.management import call_command

from media.models import StoredFile
from tests.pdf_factory import make_pdf


@pytest.mark.django_db(transaction=True)
def test_db_worker_batch_reads_the_books_an_import_queued(
    settings, run_command, write_catalog, record_factory, tmp_path
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    from django_tasks_db.models import DBTaskResult

    make_pdf(tmp_path / "libro.pdf", ["Primera página", "Segunda página"])
    record = record_factory(file="libro.pdf")
    assert (
        run_command("import_catalog", str(write_catalog([record])), "--files", str(tmp_path), "--no-progress").code == 0
    )
    assert StoredFile.objects.get().read_status == StoredFile.ReadStatus.PENDING
    assert DBTaskResult.objects.filter(task_path="oer.files.tasks.ingest_pending_files", status="READY").exists()

    call_command("db_worker", "--batch", "--no-startup-delay", "--queue-name", "*", verbosity=0)

    stored = StoredFile.objects.get()
    assert stored.read_status == StoredFile.ReadStatus.READY
    assert stored.page_count == 2
    assert not DBTaskResult.objects.filter(status="READY").exists()
