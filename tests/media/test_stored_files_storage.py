"""Stored files on local disk and on S3 (the moto server over HTTP): content-addressed keys, read back for ingest."""

import hashlib

import pytest

from media.models import StoredFile, StoredFilePage
from oer.models import ResourcePage
from tests.pdf_factory import make_pdf

pytestmark = pytest.mark.django_db

SENTENCE = "La fotosíntesis transforma la luz del Sol en energía química dentro de las hojas."


def test_import_and_ingest_keep_the_book_under_its_digest(store, run_command, write_catalog, record_factory, tmp_path):
    folder = tmp_path / "archivos"
    folder.mkdir()
    make_pdf(folder / "ciencias.pdf", ["Índice", "Capítulo 1", SENTENCE])
    sha = hashlib.sha256((folder / "ciencias.pdf").read_bytes()).hexdigest()
    record = record_factory(file="ciencias.pdf", sha256=sha)
    result = run_command("import_catalog", str(write_catalog([record])), "--files", str(folder), "--no-progress")
    assert result.code == 0, result.stderr
    key = f"archivos/{sha[:2]}/{sha[2:4]}/{sha}.pdf"
    assert key in store.keys("archivos/")
    assert store.read(key) == (folder / "ciencias.pdf").read_bytes()

    # Reading copies the book back from the store (S3 included) into a temporary file.
    assert run_command("ingest_files", "--no-progress").code == 0
    stored = StoredFile.objects.get()
    assert stored.read_status == StoredFile.ReadStatus.READY
    assert stored.page_count == 3
    assert "fotosíntesis" in StoredFilePage.objects.get(stored_file=stored, number=3).text
    assert any(name.startswith("original_images/") for name in store.keys("original_images/"))

    # A second catalogue naming the same bytes copies nothing: still one object under archivos/.
    second = record_factory(file="ciencias.pdf")
    assert (
        run_command(
            "import_catalog", str(write_catalog([second], name="b.jsonl")), "--files", str(folder), "--no-progress"
        ).code
        == 0
    )
    assert store.keys("archivos/") == [key]
    assert set(ResourcePage.objects.values_list("stored_file_id", flat=True)) == {stored.pk}
