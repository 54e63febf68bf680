"""OAI-PMH LOM records carry the size and MIME type of the file Acervo holds for a resource."""

import os

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.oer.oai_support import NS, texts, valid_tree
from tests.pdf_factory import make_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def books(tmp_path):
    folder = tmp_path / "archivos"
    folder.mkdir()
    for n in range(1, 5):
        make_pdf(folder / f"libro{n}.pdf", [f"Libro {n}, página {page}." for page in range(1, n + 2)])
    return folder


def _import(run_command, write_catalog, records, books):
    result = run_command("import_catalog", str(write_catalog(records)), "--files", str(books), "--no-progress")
    assert result.code == 0, result.stderr


def _lom(client, external_id):
    tree = valid_tree(
        client.get(
            "/oai/", {"verb": "GetRecord", "identifier": f"oai:testserver:{external_id}", "metadataPrefix": "lom"}
        )
    )
    return tree.xpath("//oai:metadata/lom:lom", namespaces=NS)[0]


def test_lom_gives_the_stored_files_mime_type_and_size_in_bytes(
    client, run_command, write_catalog, record_factory, books, site_structure
):
    held = record_factory(
        external_id="prueba:oai:libro", file="libro3.pdf", file_url="https://libros.example.org/descargas/libro3"
    )
    linked = record_factory(external_id="prueba:oai:enlace", file_url="https://libros.example.org/enlace.pdf")
    _import(run_command, write_catalog, [held, linked], books)

    lom = _lom(client, "prueba:oai:libro")
    # The URL has no extension: the format comes from the bytes Acervo holds, not from a guess.
    assert texts(lom, "lom:technical/lom:format") == ["application/pdf"]
    assert texts(lom, "lom:technical/lom:size") == [str(os.path.getsize(books / "libro3.pdf"))]
    locations = texts(lom, "lom:technical/lom:location")
    assert locations[0].startswith("http://testserver/") and locations[1] == held["file_url"]

    without = _lom(client, "prueba:oai:enlace")
    assert texts(without, "lom:technical/lom:format") == ["application/pdf"]  # guessed from file_url, as before
    assert texts(without, "lom:technical/lom:size") == []
    assert texts(without, "lom:technical/lom:location")[1] == linked["file_url"]


def _list_records(client):
    with CaptureQueriesContext(connection) as queries:
        tree = valid_tree(client.get("/oai/", {"verb": "ListRecords", "metadataPrefix": "lom"}))
    return tree, len(queries)


def test_list_records_reads_the_stored_files_in_one_query_whatever_their_number(
    client, run_command, write_catalog, record_factory, books, site_structure
):
    _import(run_command, write_catalog, [record_factory(file=f"libro{n}.pdf") for n in (1, 2)], books)
    _tree, two = _list_records(client)
    _import(run_command, write_catalog, [record_factory(file=f"libro{n}.pdf") for n in (3, 4)], books)
    tree, four = _list_records(client)
    sizes = texts(tree, "//lom:technical/lom:size")
    assert sorted(sizes) == sorted(str(os.path.getsize(books / f"libro{n}.pdf")) for n in range(1, 5))
    assert four == two
