"""Dated open-data dumps at /datos/: published, listed with a README, and re-importable."""

import csv
import io
import json

import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db


@pytest.fixture
def data_dir(settings, tmp_path):
    settings.ACERVO_OPEN_DATA_DIR = tmp_path / "datos"
    return settings.ACERVO_OPEN_DATA_DIR


@pytest.fixture
def catalogue(run_command, write_catalog, record_factory, site_structure):
    records = [
        record_factory(
            external_id="abierto:2024:1",
            title="Lenguajes. Tercer grado",
            grades=[3],
            authors=["Ana", "Luis"],
            keywords=["lectura", "escritura"],
        ),
        record_factory(
            external_id="abierto:2024:2",
            type="video",
            title="Fracciones, «mitades» y cuartos",
            grades=[4],
            fields=["saberes-y-pensamiento-cientifico"],
            duration_seconds=300,
            transcript='Hoy, repartimos; "pizzas".',
            captions=[{"language": "es", "url": "https://videos.example.org/f.vtt"}],
            accessibility=["subtitulos"],
        ),
        record_factory(
            external_id="abierto:2024:3",
            title="Guía para docentes",
            type="teacher_guide",
            levels=["secundaria"],
            grades=[1, 2],
            audience=["docente"],
            language="nah",
        ),
    ]
    result = run_command("import_catalog", str(write_catalog(records)))
    assert result.code == 0, result.stderr
    return records


def dump_name(fmt):
    return f"catalogo-{timezone.localdate().isoformat()}.{fmt}"


def download(client, fmt):
    response = client.get(f"/datos/{dump_name(fmt)}")
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{dump_name(fmt)}"'
    return b"".join(response.streaming_content).decode("utf-8")


def test_command_publishes_both_formats_listed_on_the_data_page(client, run_command, catalogue, data_dir):
    result = run_command("publish_open_data")
    assert result.code == 0
    assert dump_name("jsonl") in result.stdout and "3 recursos" in result.stdout
    assert (data_dir / dump_name("jsonl")).exists() and (data_dir / dump_name("csv")).exists()
    page = client.get("/datos/").content.decode()
    assert f'href="/datos/{dump_name("jsonl")}"' in page and f'href="/datos/{dump_name("csv")}"' in page
    assert "3 recursos" in page


def test_data_page_documents_every_field_and_the_licence(client, data_dir, site_structure):
    from oer.catalog.record import FIELDS

    page = client.get("/datos/").content.decode()
    for field in FIELDS:
        assert f"<code>{field}</code>" in page
    assert "Creative Commons Atribución 4.0" in page and 'rel="license"' in page
    readme = client.get("/datos/LEEME.txt")
    assert readme["Content-Type"].startswith("text/plain")
    text = readme.content.decode()
    assert all(f"\n{field}: " in text for field in FIELDS)
    assert "import_catalog" in text


def test_today_dump_is_made_on_first_request_and_kept(client, catalogue, data_dir):
    first = download(client, "jsonl")
    assert [json.loads(line)["external_id"] for line in first.splitlines()] == [
        "abierto:2024:1",
        "abierto:2024:2",
        "abierto:2024:3",
    ]
    assert (data_dir / dump_name("csv")).exists()
    from oer.models import ResourcePage

    ResourcePage.objects.get(external_id="abierto:2024:1").specific.unpublish()
    assert download(client, "jsonl") == first  # the day's dump is a fixed snapshot


def test_unknown_dates_are_not_found(client, catalogue, data_dir):
    assert client.get("/datos/catalogo-2001-01-01.jsonl").status_code == 404
    assert client.get("/datos/catalogo-2026-02-30.csv").status_code == 404
    assert client.get(f"/datos/catalogo-{timezone.localdate().isoformat()}.xml").status_code == 404


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_dumps_round_trip_through_import_catalog(client, run_command, catalogue, data_dir, tmp_path, fmt):
    from oer.models import ResourcePage

    content = download(client, fmt)
    original = {page.external_id: (page.title, page.specific.description) for page in ResourcePage.objects.all()}
    path = tmp_path / f"reimportar.{fmt}"
    path.write_text(content, encoding="utf-8")

    again = run_command("import_catalog", str(path))
    assert again.code == 0, again.stderr
    assert ResourcePage.objects.count() == 3
    assert {
        page.external_id: (page.title, page.specific.description) for page in ResourcePage.objects.all()
    } == original

    # Into an empty repository the dump recreates the same catalogue, field for field.
    ResourcePage.objects.all().delete()
    fresh = run_command("import_catalog", str(path))
    assert fresh.code == 0, fresh.stderr
    out = tmp_path / f"otra-vez.{fmt}"
    assert run_command("export_catalog", "--format", fmt, "--output", str(out), "--no-progress").code == 0
    if fmt == "jsonl":
        assert [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()] == [
            json.loads(line) for line in content.splitlines()
        ]
    else:
        assert list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8")))) == list(
            csv.DictReader(io.StringIO(content))
        )


def test_old_dumps_are_pruned(run_command, catalogue, data_dir, settings):
    import datetime

    from oer.opendata import dumps

    settings.ACERVO_OPEN_DATA_KEEP = 2
    for day in (1, 2, 3):
        dumps.publish(datetime.date(2026, 1, day))
    assert [dump.date.day for dump in dumps.available()] == [3, 2]
    assert not (data_dir / "catalogo-2026-01-01.jsonl").exists()
