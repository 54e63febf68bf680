"""CSV and XLSX exports never hand a spreadsheet program a live formula, and numbers stay numbers."""

import csv
import io

import pytest
from openpyxl import load_workbook

from oer.models import ResourcePage
from tests.factories import TextbookPageFactory
from tests.oer.editorial_support import editor

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://x","y")'
LISTING_URL = "/admin/recursos/"


def test_catalogue_csv_escapes_formulas_and_reads_them_back(run_command, write_catalog, record_factory, tmp_path):
    original = record_factory(title=FORMULA, keywords=["-menos", "@arroba"], year=2024)
    assert run_command("import_catalog", str(write_catalog([original])), "--no-progress").code == 0
    out = tmp_path / "dump.csv"

    assert run_command("export_catalog", "--format", "csv", "--output", str(out)).code == 0

    row = next(csv.DictReader(out.open(encoding="utf-8")))
    assert row["title"] == "'" + FORMULA
    assert row["keywords"] == "'-menos | @arroba"
    assert row["year"] == "2024"
    ResourcePage.objects.all().delete()
    assert run_command("import_catalog", str(out), "--no-progress").code == 0
    page = ResourcePage.objects.get()
    assert page.title == FORMULA and page.keywords == ["-menos", "@arroba"]


@pytest.fixture
def hostile_resource(site_structure):
    page = TextbookPageFactory(parent=site_structure, title=FORMULA, grades=[5], fields=["lenguajes"])
    page.save_revision().publish()
    return page


def test_admin_report_csv_cells_are_inert(hostile_resource):
    _user, client = editor()
    response = client.get(LISTING_URL, {"export": "csv"})

    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [row["Título"] for row in rows] == ["'" + FORMULA]


def test_admin_report_xlsx_cells_are_text_not_formulas(hostile_resource):
    _user, client = editor()
    response = client.get(LISTING_URL, {"export": "xlsx"})

    assert response.status_code == 200
    content = b"".join(response.streaming_content)
    sheet = load_workbook(io.BytesIO(content)).active
    titles = [cell for row in sheet.iter_rows(min_row=2) for cell in row if cell.column == 2]
    assert [(cell.value, cell.data_type) for cell in titles] == [("'" + FORMULA, "s")]
