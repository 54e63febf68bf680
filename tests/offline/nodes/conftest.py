"""A source Acervo on its own port (subprocess, own data folder and SQLite) seeded with files and courses."""

import json

import pytest

from tests.factories import CatalogRecordFactory
from tests.pdf_factory import make_pdf

from .instances import Instance

NODE_KEY = "clave-del-nodo-de-prueba"
SOURCE_RECORDS = 10
PAGE_SIZE = 4
SEED_COURSES = "import sys; from courses.demo import load_courses; load_courses(sys.stdout)"


def catalogue_records(count, files_dir, prefix="fuente"):
    """count primaria textbooks, each with its own PDF in files_dir, and one secundaria one without a file."""
    records = []
    for number in range(count):
        name = f"libros/{prefix}-{number}.pdf"
        path = files_dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        make_pdf(path, [f"Libro {prefix} {number}: lectura de prueba para el nodo."])
        records.append(
            CatalogRecordFactory(
                external_id=f"{prefix}:libro:{number:03d}", title=f"Libro {prefix} {number}", file=name
            )
        )
    records.append(
        CatalogRecordFactory(
            external_id=f"{prefix}:secundaria:001", title="Libro de secundaria", levels=["secundaria"], grades=[1]
        )
    )
    return records


def write_jsonl(path, records):
    with open(path, "w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


class Source:
    """The running source instance and what it was seeded with."""

    def __init__(self, instance, records, files_dir):
        self.instance, self.records, self.files_dir = instance, records, files_dir

    @property
    def url(self):
        return self.instance.url

    def import_records(self, records, name="cambios.jsonl"):
        path = write_jsonl(self.files_dir / name, records)
        return self.instance.manage("import_catalog", str(path), "--files", str(self.files_dir), "--no-progress")

    def unpublish(self, external_id):
        code = (
            "from oer.models import ResourcePage; "
            f"ResourcePage.objects.get(external_id={external_id!r}).specific.unpublish()"
        )
        self.instance.manage("shell", "-c", code)


@pytest.fixture
def source(tmp_path):
    files_dir = tmp_path / "archivos-fuente"
    records = catalogue_records(SOURCE_RECORDS, files_dir)
    instance = Instance.fresh(tmp_path / "fuente", ACERVO_OAI_PAGE_SIZE=PAGE_SIZE, ACERVO_NODE_KEYS=NODE_KEY)
    seeded = Source(instance, records, files_dir)
    seeded.import_records(records, name="catalogo.jsonl")
    instance.manage("shell", "-c", SEED_COURSES)
    instance.start()
    try:
        yield seeded
    finally:
        instance.stop()


@pytest.fixture
def node_key(settings):
    settings.ACERVO_SYNC_KEY = NODE_KEY
    return NODE_KEY
