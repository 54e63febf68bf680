"""The aggregated search log: first-page searches with words, counted per normalised query per day."""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from search.models import SearchQueryLog

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(embedded_search, import_records, record_factory):
    import_records([record_factory(title=f"Fracciones {n}", grades=[5]) for n in range(3)])


def logged():
    return {(row.query, row.day): (row.searches, row.zero_results) for row in SearchQueryLog.objects.all()}


def test_api_and_page_searches_count_under_one_normalised_query_per_day(library, client):
    assert client.get("/api/v1/search/", {"q": "Fracciónes"}).status_code == 200
    assert client.get("/api/v1/search/", {"q": "  FRACCIONES  "}).status_code == 200
    assert client.get("/buscar/", {"q": "fracciones", "grade": "5"}).status_code == 200
    assert logged() == {("fracciones", timezone.localdate()): (3, 0)}


def test_searches_that_find_nothing_are_counted_apart(library, client):
    assert client.get("/api/v1/search/", {"q": "dinosaurios marinos"}).json()["count"] == 0
    client.get("/buscar/", {"q": "Dinosaurios  marinos"})
    client.get("/api/v1/search/", {"q": "fracciones"})
    today = timezone.localdate()
    assert logged() == {("dinosaurios marinos", today): (2, 2), ("fracciones", today): (1, 0)}


def test_later_pages_browsing_and_bad_requests_are_not_counted(library, client):
    client.get("/api/v1/search/", {"q": "fracciones", "page": "2", "page_size": "1"})
    client.get("/api/v1/search/", {"type": "textbook"})
    client.get("/buscar/", {"q": "¿?"})
    assert client.get("/api/v1/search/", {"q": "fracciones", "grade": "once"}).status_code == 400
    assert logged() == {}


def test_long_queries_are_kept_to_200_characters(library, client):
    client.get("/api/v1/search/", {"q": "palabra " * 60})
    (query,) = SearchQueryLog.objects.values_list("query", flat=True)
    assert len(query) <= 200 and query.startswith("palabra palabra") and not query.endswith(" ")


def test_a_failing_search_log_never_breaks_the_search(library, client):
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE {SearchQueryLog._meta.db_table}")
    response = client.get("/api/v1/search/", {"q": "fracciones"})
    assert response.status_code == 200 and response.json()["count"] == 3
    page = client.get("/buscar/", {"q": "fracciones"})
    assert page.status_code == 200 and "3 resultados" in page.content.decode()


def test_cleanup_removes_days_older_than_those_kept(run_command):
    today = timezone.localdate()
    SearchQueryLog.objects.create(query="vieja", day=today - timedelta(days=401), searches=4)
    SearchQueryLog.objects.create(query="reciente", day=today - timedelta(days=399), searches=2)
    result = run_command("search_query_log_cleanup")
    assert result.code == 0 and "1 fila de hace más de 400 días borrada" in result.stdout
    assert list(SearchQueryLog.objects.values_list("query", flat=True)) == ["reciente"]
    assert run_command("search_query_log_cleanup", "--days", "30").code == 0
    assert not SearchQueryLog.objects.exists()
    assert run_command("search_query_log_cleanup", "--days", "0").code != 0


def test_answers_served_from_the_response_cache_are_counted_too(library, client, settings):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    from oer.models import ResourcePage

    settings.ACERVO_RESPONSE_CACHE_SECONDS = 60
    first = client.get("/api/v1/search/", {"q": "fracciones"}).json()
    client.get("/buscar/", {"q": "nada parecido"})
    # A promotion made now does not show while the stored answers are served...
    SearchPromotion.objects.create(query=Query.get("fracciones"), page=ResourcePage.objects.first())
    again = client.get("/api/v1/search/", {"q": "fracciones"}).json()
    assert again == first and all("promoted" not in hit for hit in again["results"])
    client.get("/buscar/", {"q": "nada parecido"})
    # ...yet every request is counted.
    today = timezone.localdate()
    assert logged() == {("fracciones", today): (2, 0), ("nada parecido", today): (2, 2)}
