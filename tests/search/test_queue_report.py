"""The indexing queue report in Wagtail's admin: administrators see what waits and why it fails."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from search.models import IndexQueueEntry
from tests.oer.editorial_support import editor

pytestmark = pytest.mark.django_db

URL = "/admin/cola-de-indexacion/"


def test_an_empty_queue_says_everything_is_searchable(admin_client, site_structure):
    page = admin_client.get(URL)
    assert page.status_code == 200
    assert "La cola está vacía" in page.content.decode()


def test_failing_entries_come_first_with_their_error(admin_client, site_structure):
    IndexQueueEntry.objects.create(page_id=11, action=IndexQueueEntry.INDEX)
    IndexQueueEntry.objects.create(
        page_id=12,
        action=IndexQueueEntry.DELETE,
        attempts=3,
        next_attempt_at=timezone.now() + timedelta(minutes=5),
        last_error="ConnectionError: search:9200 rechazó la conexión",
    )
    html = admin_client.get(URL).content.decode()
    assert "Cola de indexación" in html
    assert "search:9200 rechazó la conexión" in html
    quiet_row = re.search(r">\s*11\s*<", html)
    assert quiet_row and html.index("search:9200") < quiet_row.start()
    assert "Eliminar" in html and "Indexar" in html
    results = admin_client.get(URL + "resultados/")
    assert results.status_code == 200 and "search:9200" in results.content.decode()
    csv = admin_client.get(URL + "?export=csv")
    assert csv.status_code == 200 and b"search:9200" in b"".join(
        csv.streaming_content if csv.streaming else [csv.content]
    )


def test_the_report_is_in_the_reports_menu_for_administrators_only(admin_client, site_structure):
    assert URL in admin_client.get("/admin/").content.decode()
    _user, client = editor()
    assert URL not in client.get("/admin/").content.decode()
    refused = client.get(URL)
    assert refused.status_code in (302, 403)
    assert "search:9200" not in refused.content.decode()
