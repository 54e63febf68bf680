"""`export_offline_pack`: a grade (and a course) as a self-contained static site in a zip."""

import hashlib
import json
import re

from tests.offline.packs.conftest import ORIGINAL_URL, read


def test_pack_holds_the_grade_with_its_stored_files(grade_catalog, export_pack):
    archive = export_pack()
    names = set(archive.namelist())
    assert {"index.html", "estilo.css", "manifest.json"} <= names
    index = read(archive, "index.html")
    assert '<html lang="es-MX">' in index
    assert 'name="viewport"' in index
    for title in ("Múltiples lenguajes. Quinto grado", "Nuestros saberes. Quinto grado", "Fracciones en la cocina"):
        assert title in index
    assert "Libro de cuarto grado" not in index
    # Grouped by campo formativo, then type.
    assert index.index("Lenguajes") < index.index("Saberes y Pensamiento Científico")
    assert "Guía docente" in index and "Libro de texto" in index and "Video" in index
    book = read(archive, "recursos/multiples-lenguajes-quinto-grado.html")
    assert 'href="../archivos/multiples-lenguajes-quinto-grado.pdf"' in book
    assert "Macrotipo" in book and "Español" in book and "Fase 5" in book and "CONALITEG" in book
    pdf = archive.read("archivos/multiples-lenguajes-quinto-grado.pdf")
    assert pdf.startswith(b"%PDF")
    assert 'class="cover"' in book and re.search(r'src="\.\./archivos/[^"]+-portada\.\w+"', book)


def test_video_page_has_its_caption_tracks(grade_catalog, export_pack):
    archive = export_pack()
    page = read(archive, "recursos/fracciones-en-la-cocina.html")
    video = re.search(r'<video controls preload="none" src="\.\./(archivos/[^"]+)"', page)
    assert video and video.group(1) in archive.namelist()
    track = re.search(r'<track kind="captions" srclang="es" label="[^"]+" src="\.\./(archivos/[^"]+\.vtt)"', page)
    assert track and archive.read(track.group(1)).startswith(b"WEBVTT")
    assert "Hoy repartimos una pizza" in page


def test_manifest_lists_every_file_with_its_digest(grade_catalog, export_pack):
    archive = export_pack()
    manifest = json.loads(archive.read("manifest.json"))
    assert manifest["level"] == "primaria" and manifest["grade"] == 5 and manifest["course"] is None
    assert manifest["acervo_base_url"] == "http://testserver" and manifest["built_at"]
    listed = {entry["path"]: entry for entry in manifest["files"]}
    assert set(listed) == set(archive.namelist()) - {"manifest.json"}
    for path, entry in listed.items():
        data = archive.read(path)
        assert entry["size"] == len(data)
        assert entry["sha256"] == hashlib.sha256(data).hexdigest()


def test_only_relative_links_and_no_network_references(grade_catalog, pack_course, export_pack):
    archive = export_pack("--course", "fracciones-en-casa")
    for name in archive.namelist():
        if not name.endswith((".html", ".css")):
            continue
        text = read(archive, name)
        assert not re.search(r'(?:href|src)="/', text), name
        assert "<script" not in text and "@import" not in text, name
        # Every http(s) address is the target of a link marked as needing internet, nothing else.
        outside = re.findall(r"https?://", text)
        marked = re.findall(r'<a class="requiere-internet" rel="external" href="https?://[^"]+"', text)
        marked += re.findall(r'<a href="https?://[^"]+" class="requiere-internet" rel="external"', text)
        assert len(outside) == len(marked), name
    guide = read(archive, "recursos/guia-para-el-maestro-quinto-grado.html")
    assert f'href="{ORIGINAL_URL}"' in guide and "requiere internet" in guide


def test_course_lessons_are_readable_without_the_answers(grade_catalog, pack_course, export_pack):
    archive = export_pack("--course", "fracciones-en-casa")
    manifest = json.loads(archive.read("manifest.json"))
    assert manifest["course"] == "fracciones-en-casa"
    index = read(archive, "index.html")
    assert 'href="curso/index.html"' in index
    course = read(archive, "curso/index.html")
    assert "Repartir" in course and "Partes iguales" in course
    lesson_path = re.search(r'href="\.\./(curso/leccion-[^"]+\.html)"', course).group(1)
    lesson = read(archive, lesson_path)
    assert "Repartimos una pizza" in lesson
    assert 'href="../recursos/nuestros-saberes-quinto-grado.html">el libro</a>' in lesson
    assert 'src="../archivos/fracciones-en-la-cocina.mp4"' in lesson
    assert "javascript:" not in lesson and "rastreo.gif" not in lesson and "<img" not in lesson
    assert "¿Cuántos cuartos hacen un entero?" in lesson
    assert "Cuatro cuartos" in lesson and "Tres cuartos" in lesson
    # The right choice looks exactly like the wrong one.
    assert "<li>Cuatro cuartos</li>" in lesson and "<li>Tres cuartos</li>" in lesson
    assert "correct" not in lesson.lower()
    for name in archive.namelist():
        assert "correct" not in archive.read(name).decode("utf-8", "ignore").lower() or name.endswith(".pdf")


def test_unknown_level_grade_or_course_is_refused(grade_catalog, run_command, tmp_path):
    output = tmp_path / "paquete.zip"
    cases = [
        (["--level", "universidad", "--grade", "5"], "Nivel desconocido"),
        (["--level", "primaria", "--grade", "9"], "Grado desconocido"),
        (["--level", "primaria", "--grade", "cinco"], "debe ser un número"),
        (["--level", "primaria", "--grade", "5", "--course", "no-existe"], "No hay un curso publicado"),
    ]
    for args, message in cases:
        result = run_command("export_offline_pack", *args, "--output", str(output), "--no-progress")
        assert result.code == 2 and message in result.stderr
        assert not output.exists()
    assert list(tmp_path.glob("*.tmp")) == []


def test_failure_leaves_nothing_half_written(grade_catalog, run_command, tmp_path):
    from django.core.files.storage import default_storage

    from media.models import StoredFile

    stored = StoredFile.objects.get(original_name="saberes.pdf")
    default_storage.delete(stored.file.name)  # the bytes vanished from storage
    output = tmp_path / "paquete.zip"
    try:
        run_command(
            "export_offline_pack", "--level", "primaria", "--grade", "5", "--output", str(output), "--no-progress"
        )
    except (FileNotFoundError, OSError):
        pass
    assert not output.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".paquete-")] == []
