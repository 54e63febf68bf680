"""Simultaneous searches for one query land in one row with every search counted (PostgreSQL, real threads)."""

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from search.models import SearchQueryLog
from tests.courses.test_concurrency import run_together

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="Needs concurrent writers; run with DATABASE_URL=postgres://… (SQLite serialises every writer).",
    ),
    pytest.mark.django_db(transaction=True),
]

THREADS = 16


def test_simultaneous_first_searches_of_the_day_are_all_counted_in_one_row(
    embedded_search, import_records, record_factory
):
    import_records([record_factory(title="Fracciones equivalentes")])
    statuses = run_together(
        lambda i: Client().get("/api/v1/search/", {"q": "Fracciónes" if i % 2 else "dinosaurios"}).status_code,
        THREADS,
    )
    assert statuses == [200] * THREADS
    rows = {row.query: (row.searches, row.zero_results) for row in SearchQueryLog.objects.all()}
    assert rows == {"fracciones": (THREADS // 2, 0), "dinosaurios": (THREADS // 2, THREADS // 2)}
    assert set(SearchQueryLog.objects.values_list("day", flat=True)) == {timezone.localdate()}
