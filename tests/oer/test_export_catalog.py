"""`export_catalog`: every published resource, same fields as the import, round-trips."""

import csv
import json

from oer.models import ResourcePage


def _import(run_command, path):
    result = run_command("import_catalog", str(path), "--no-progress")
    assert result.code == 0, result.stderr
    return result


def test_jsonl_export_round_trips_through_import(run_command, write_catalog, record_factory, tmp_path):
    video = record_factory(
        external_id="aec:v1",
        type="video",
        duration_seconds=600,
        transcript="Texto del video.",
        captions=[{"language": "es", "url": "https://recursos.acervo.example/v1.vtt"}],
        accessibility=["subtitulos"],
    )
    plan = record_factory(
        external_id="aec:plan",
        type="weekly_plan",
        title="Plan de la semana 3",
        week={
            "year": 2024,
            "number": 3,
            "days": [
                {
                    "day": "lunes",
                    "activities": [{"title": "Ver el video", "description": "En familia", "resources": ["aec:v1"]}],
                }
            ],
        },
    )
    originals = [record_factory(language="nah", accessibility=["macrotipo"]), video, plan]
    _import(run_command, write_catalog(originals))

    out = tmp_path / "dump.jsonl"
    result = run_command("export_catalog", "--format", "jsonl", "--output", str(out), "--no-progress")
    assert result.code == 0
    exported = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    by_id = {record["external_id"]: record for record in exported}
    assert set(by_id) == {record["external_id"] for record in originals}
    for original in originals:
        # Resources without a stored file export its facts as null (see docs/catalogo.md).
        no_file = {"sha256": None, "file_size_bytes": None, "page_count": None, "mime_type": None}
        assert by_id[original["external_id"]] == {**original, **no_file}

    # Importing the dump again changes nothing.
    again = _import(run_command, out)
    assert "3 sin cambios" in again.stdout


def test_csv_export_round_trips_through_import(run_command, write_catalog, record_factory, tmp_path):
    originals = [record_factory(keywords=["fracciones", "repartos"], grades=[5, 6], axes=["inclusion"])]
    _import(run_command, write_catalog(originals))
    out = tmp_path / "dump.csv"
    assert run_command("export_catalog", "--format", "csv", "--output", str(out)).code == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert rows[0]["external_id"] == originals[0]["external_id"]
    assert rows[0]["grades"] == "5 | 6"

    ResourcePage.objects.all().delete()
    _import(run_command, out)
    page = ResourcePage.objects.get()
    assert page.keywords == ["fracciones", "repartos"] and page.grades == [5, 6] and page.axes == ["inclusion"]


def test_unpublished_resources_are_not_exported(run_command, write_catalog, record_factory, tmp_path):
    records = [record_factory(), record_factory()]
    _import(run_command, write_catalog(records))
    ResourcePage.objects.get(external_id=records[0]["external_id"]).unpublish()
    out = tmp_path / "dump.jsonl"
    run_command("export_catalog", "--output", str(out))
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["external_id"] for line in lines] == [records[1]["external_id"]]


def test_export_to_missing_folder_fails_clearly(run_command, tmp_path):
    result = run_command("export_catalog", "--output", str(tmp_path / "no" / "existe.jsonl"))
    assert result.code == 1 and "No existe la carpeta" in result.stderr
