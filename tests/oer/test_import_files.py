"""`import_catalog --files DIR`: every file checked before anything is written, stored once by content,
read in the background."""

import hashlib
import os

import pytest
from django.core.files.storage import default_storage

from media.models import StoredFile, StoredFilePage
from oer.models import ResourcePage
from tests.pdf_factory import make_encrypted_pdf, make_pdf, truncate

pytestmark = pytest.mark.django_db

SENTENCE = "Las fracciones equivalentes representan la misma parte de un entero aunque se escriban distinto."


@pytest.fixture
def books(tmp_path):
    folder = tmp_path / "archivos"
    (folder / "libros").mkdir(parents=True)
    pages = [f"Página {n} del libro de matemáticas de quinto grado." for n in range(1, 6)]
    pages[2] = SENTENCE
    make_pdf(folder / "libros" / "p5mat.pdf", pages)
    return folder


def _sha(path):
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


def test_import_stores_the_file_by_content_and_reads_every_page(run_command, write_catalog, record_factory, books):
    record = record_factory(file="libros/p5mat.pdf", sha256=_sha(books / "libros" / "p5mat.pdf"))
    result = run_command("import_catalog", str(write_catalog([record])), "--files", str(books), "--no-progress")
    assert result.code == 0, result.stderr
    page = ResourcePage.objects.get(external_id=record["external_id"])
    stored = page.stored_file
    assert stored.sha256 == record["sha256"]
    assert stored.file.name == f"archivos/{stored.sha256[:2]}/{stored.sha256[2:4]}/{stored.sha256}.pdf"
    assert default_storage.exists(stored.file.name)
    assert stored.mime_type == "application/pdf"
    assert stored.size_bytes == os.path.getsize(books / "libros" / "p5mat.pdf")
    assert stored.read_status == StoredFile.ReadStatus.PENDING  # read in the background, not by the import
    ingest = run_command("ingest_files", "--no-progress")
    assert ingest.code == 0, ingest.stderr
    assert "archivos leídos: 1" in ingest.stdout
    stored.refresh_from_db()
    assert stored.read_status == StoredFile.ReadStatus.READY
    assert stored.page_count == 5
    assert stored.cover is not None and stored.cover.width == 600
    assert SENTENCE.split()[1] in StoredFilePage.objects.get(stored_file=stored, number=3).text
    # The live revision carries the file too, so an editor's next publication keeps it.
    assert page.get_latest_revision().content["stored_file"] == stored.pk


def test_the_same_bytes_imported_again_are_not_copied_again(run_command, write_catalog, record_factory, books):
    first = record_factory(file="libros/p5mat.pdf")
    second = record_factory(file="libros/p5mat.pdf")
    assert (
        run_command("import_catalog", str(write_catalog([first, second])), "--files", str(books), "--no-progress").code
        == 0
    )
    assert StoredFile.objects.count() == 1
    stored = StoredFile.objects.get()
    modified = default_storage.get_modified_time(stored.file.name)
    again = run_command(
        "import_catalog", str(write_catalog([first, second], name="otra.jsonl")), "--files", str(books), "--no-progress"
    )
    assert again.code == 0
    assert "2 sin cambios" in again.stdout
    assert "0 guardados nuevos" in again.stdout
    assert StoredFile.objects.count() == 1
    assert default_storage.get_modified_time(stored.file.name) == modified
    assert set(ResourcePage.objects.values_list("stored_file_id", flat=True)) == {stored.pk}


def _bad_files(folder, outside):
    (folder / "pagina.pdf").write_text("<!doctype html><html><body>No encontrado</body></html>")
    (folder / "vacio.pdf").write_bytes(b"")
    make_pdf(folder / "cortado.pdf", ["Una página", "Otra página"] * 20)
    truncate(folder / "cortado.pdf", 0.5)
    make_encrypted_pdf(folder / "cifrado.pdf")
    make_pdf(outside / "fuera.pdf", ["Fuera de la carpeta"])
    os.symlink(outside / "fuera.pdf", folder / "enlace.pdf")
    make_pdf(folder / "bien.pdf", ["Un libro correcto"])


@pytest.mark.parametrize(
    "file, extra, reason",
    [
        ("no-existe.pdf", {}, "no existe «no-existe.pdf»"),
        ("/etc/passwd", {}, "es una ruta absoluta"),
        ("../fuera/fuera.pdf", {}, "contiene «..»"),
        ("enlace.pdf", {}, "es un enlace que lleva fuera"),
        ("pagina.pdf", {}, "es una página HTML o XML"),
        ("vacio.pdf", {}, "está vacío (0 bytes)"),
        ("cortado.pdf", {}, "incompleto"),
        ("cifrado.pdf", {}, "protegido con contraseña"),
        ("bien.pdf", {"sha256": "0" * 64}, "el sha256 de «bien.pdf» es"),
        ("bien.pdf", {"sha256": "abc"}, "64 caracteres hexadecimales"),
        ("bien.pdf", {"type": "video", "duration_seconds": 60}, "necesita video (MP4 o WebM)"),
    ],
)
def test_a_bad_file_is_a_line_error_and_nothing_is_written(
    run_command, write_catalog, record_factory, tmp_path, file, extra, reason
):
    folder, outside = tmp_path / "archivos", tmp_path / "fuera"
    folder.mkdir()
    outside.mkdir()
    _bad_files(folder, outside)
    good = record_factory(file="bien.pdf")
    bad = record_factory(file=file, **extra)
    result = run_command("import_catalog", str(write_catalog([good, bad])), "--files", str(folder), "--no-progress")
    assert result.code == 1
    assert "línea 2: file: " in result.stderr
    assert reason in result.stderr
    assert "no se importó nada" in result.stderr
    assert not ResourcePage.objects.exists()
    assert not StoredFile.objects.exists()
    good_sha = _sha(folder / "bien.pdf")
    assert not default_storage.exists(f"archivos/{good_sha[:2]}/{good_sha[2:4]}/{good_sha}.pdf")


def test_a_file_without_the_files_option_is_refused(run_command, write_catalog, record_factory):
    result = run_command("import_catalog", str(write_catalog([record_factory(file="libros/a.pdf")])), "--no-progress")
    assert result.code == 1
    assert "línea 1: file: para importar archivos indica la carpeta con --files" in result.stderr


def test_an_export_imports_back_unchanged(run_command, write_catalog, record_factory, books, tmp_path):
    record = record_factory(file="libros/p5mat.pdf")
    assert run_command("import_catalog", str(write_catalog([record])), "--files", str(books), "--no-progress").code == 0
    assert run_command("ingest_files", "--no-progress").code == 0
    exported = tmp_path / "export.jsonl"
    assert run_command("export_catalog", "--format", "jsonl", "--output", str(exported)).code == 0
    import json

    line = json.loads(exported.read_text().splitlines()[0])
    stored = StoredFile.objects.get()
    assert line["sha256"] == stored.sha256
    assert line["file_size_bytes"] == stored.size_bytes
    assert line["page_count"] == 5
    assert line["mime_type"] == "application/pdf"
    again = run_command("import_catalog", str(exported), "--no-progress")
    assert again.code == 0, again.stderr
    assert "1 sin cambios" in again.stdout
    assert ResourcePage.objects.get().stored_file_id == stored.pk


def test_a_book_over_the_page_limit_is_refused_with_its_reason_and_kept(
    run_command, write_catalog, record_factory, books, settings
):
    settings.ACERVO_INGEST_MAX_PAGES = 3
    record = record_factory(file="libros/p5mat.pdf")
    assert run_command("import_catalog", str(write_catalog([record])), "--files", str(books), "--no-progress").code == 0
    result = run_command("ingest_files", "--no-progress")
    assert result.code == 1
    assert "El libro tiene 5 páginas; el máximo es 3." in result.stderr
    stored = StoredFile.objects.get()
    assert stored.read_status == StoredFile.ReadStatus.FAILED
    assert not StoredFilePage.objects.exists() and stored.cover is None
    # The resource stays published with its metadata; raising the limit and retrying reads it.
    assert ResourcePage.objects.get().live
    settings.ACERVO_INGEST_MAX_PAGES = 100
    assert run_command("ingest_files", "--no-progress").code == 0  # a failed reading waits for --retry-failed
    assert StoredFile.objects.get().read_status == StoredFile.ReadStatus.FAILED
    retried = run_command("ingest_files", "--retry-failed", "--no-progress")
    assert retried.code == 0, retried.stderr
    assert StoredFile.objects.get().page_count == 5
