"""Promoted results: a page editors pin for a query comes first on page 1, once, marked, within the filters."""

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from oer.models import ResourcePage
from tests.oer.editorial_support import reviewer

pytestmark = pytest.mark.django_db

VIDEO = "prueba:video:ciclo-del-agua"
BOOK = "prueba:libro:fracciones"


@pytest.fixture
def library(embedded_search, import_records, record_factory):
    import_records(
        [
            record_factory(
                external_id=VIDEO,
                type="video",
                title="El ciclo del agua",
                description="Evaporación, condensación y lluvia.",
                duration_seconds=300,
                grades=[4],
            ),
            record_factory(external_id=BOOK, title="Fracciones equivalentes", grades=[5]),
            *[record_factory(title=f"Fracciones {n}", grades=[5]) for n in range(3)],
        ]
    )


def page(external_id):
    return ResourcePage.objects.get(external_id=external_id)


def promote_in_admin(client, query_string, target, description=""):
    """Create a promotion the way reviewers do: Wagtail's "add promoted result" form."""
    response = client.post(
        "/admin/searchpicks/add/",
        {
            "query_string": query_string,
            "editors_picks-TOTAL_FORMS": 1,
            "editors_picks-INITIAL_FORMS": 0,
            "editors_picks-MAX_NUM_FORMS": 1000,
            "editors_picks-0-DELETE": "",
            "editors_picks-0-ORDER": 0,
            "editors_picks-0-page": target.pk,
            "editors_picks-0-description": description,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]


def promote(query_string, target, description=""):
    SearchPromotion.objects.create(query=Query.get(query_string), page=target, description=description)


def ids(response):
    return [hit["external_id"] for hit in response.json()["results"]]


def test_a_promotion_made_in_the_admin_comes_first_marked_promoted(library, client):
    _user, admin = reviewer()
    promote_in_admin(admin, "Fracciones", page(VIDEO), description="Un video para empezar el tema.")
    response = client.get("/api/v1/search/", {"q": "fracciónes"})
    results = response.json()["results"]
    assert results[0]["external_id"] == VIDEO
    assert results[0]["promoted"] is True
    assert results[0]["snippet"] == "Un video para empezar el tema."
    assert results[0]["type"] == "video" and results[0]["url"] == page(VIDEO).url
    assert all("promoted" not in hit for hit in results[1:])
    assert response.json()["count"] == 4  # what the engine matched; the promotion is on top of it


def test_a_promoted_page_that_also_matches_is_listed_once(library, client):
    promote("fracciones", page(BOOK))
    results = ids(client.get("/api/v1/search/", {"q": "fracciones"}))
    assert results[0] == BOOK and results.count(BOOK) == 1 and len(results) == 4


def test_promotions_show_on_the_first_page_only(library, client):
    promote("fracciones", page(BOOK))
    second = client.get("/api/v1/search/", {"q": "fracciones", "page": "2", "page_size": "2"}).json()["results"]
    first = client.get("/api/v1/search/", {"q": "fracciones", "page": "1", "page_size": "2"}).json()["results"]
    assert first[0]["external_id"] == BOOK and first[0]["promoted"] is True
    assert BOOK not in [hit["external_id"] for hit in second]
    assert all("promoted" not in hit for hit in second)


def test_a_promoted_page_outside_the_active_filters_is_not_shown(library, client):
    promote("fracciones", page(VIDEO))
    assert VIDEO not in ids(client.get("/api/v1/search/", {"q": "fracciones", "type": "textbook"}))
    assert VIDEO not in ids(client.get("/api/v1/search/", {"q": "fracciones", "grade": "5"}))
    assert ids(client.get("/api/v1/search/", {"q": "fracciones", "type": "video", "grade": "4"})) == [VIDEO]


def test_an_unpublished_or_restricted_promoted_page_is_not_shown(library, client):
    from wagtail.models import PageViewRestriction

    promote("fracciones", page(VIDEO))
    page(VIDEO).unpublish()
    assert VIDEO not in ids(client.get("/api/v1/search/", {"q": "fracciones"}))
    promote("fracciones", page(BOOK))
    PageViewRestriction.objects.create(page=page(BOOK), restriction_type=PageViewRestriction.LOGIN)
    first = client.get("/api/v1/search/", {"q": "fracciones"}).json()["results"][0]
    assert "promoted" not in first


def test_other_queries_see_no_promotion(library, client):
    promote("fracciones", page(VIDEO))
    assert VIDEO not in ids(client.get("/api/v1/search/", {"q": "fracciones equivalentes"}))


def test_the_search_page_marks_the_promoted_result_recomendado(library, client):
    promote("Fracciones", page(VIDEO))
    html = client.get("/buscar/", {"q": "fracciones"}).content.decode()
    assert "Recomendado" in html
    assert html.index("El ciclo del agua") < html.index("Fracciones equivalentes")
    assert html.count("Recomendado") == 1
    assert "Recomendado" not in client.get("/buscar/", {"q": "fracciones", "type": "textbook"}).content.decode()
