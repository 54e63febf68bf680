"""The editors' resource listing: curriculum and status filters, and the bulk "send to review"."""

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState

from tests.factories import TextbookPageFactory, VideoLessonPageFactory
from tests.oer.editorial_support import editor, reviewer

pytestmark = pytest.mark.django_db

LISTING_URL = "/admin/recursos/"


def publish(page):
    page.save_revision().publish()
    return page


@pytest.fixture
def catalogue(site_structure):
    pages = {
        "lenguajes5": publish(
            TextbookPageFactory(parent=site_structure, title="Múltiples lenguajes 5", grades=[5], fields=["lenguajes"])
        ),
        "saberes3": publish(
            TextbookPageFactory(
                parent=site_structure, title="Saberes 3", grades=[3], fields=["saberes-y-pensamiento-cientifico"]
            )
        ),
        "secundaria": publish(
            TextbookPageFactory(
                parent=site_structure,
                title="Historia secundaria",
                levels=["secundaria"],
                grades=[1],
                fields=["etica-naturaleza-y-sociedades"],
            )
        ),
        "video": publish(VideoLessonPageFactory(parent=site_structure, title="Fracciones en video")),
        "draft": TextbookPageFactory(
            parent=site_structure, title="Borrador pendiente", live=False, grades=[2], fields=["lenguajes"]
        ),
    }
    pages["draft"].save_revision()
    return pages


def listed_titles(client, **params):
    response = client.get(LISTING_URL, params)
    assert response.status_code == 200
    return {page.title for page in response.context["object_list"]}


def test_listing_shows_every_resource_with_its_curriculum(catalogue):
    _user, client = editor()
    response = client.get(LISTING_URL)
    body = response.content.decode()
    assert {p.title for p in response.context["object_list"]} == {p.title for p in catalogue.values()}
    assert "Múltiples lenguajes 5" in body and "Lenguajes" in body and "Primaria" in body


def test_filter_by_level_grade_type_and_campo(catalogue):
    _user, client = editor()
    assert listed_titles(client, level="secundaria") == {"Historia secundaria"}
    assert listed_titles(client, grade="5") == {"Múltiples lenguajes 5", "Fracciones en video"}
    assert listed_titles(client, kind="video") == {"Fracciones en video"}
    assert listed_titles(client, field="saberes-y-pensamiento-cientifico") == {"Saberes 3"}
    assert listed_titles(client, level="primaria", grade="5", kind="textbook") == {"Múltiples lenguajes 5"}
    assert listed_titles(client, level=["primaria", "secundaria"], grade="1") == {"Historia secundaria"}


def test_filter_by_status(catalogue):
    _user, client = editor()
    assert listed_titles(client, status="draft") == {"Borrador pendiente"}
    saberes = catalogue["saberes3"]
    saberes.title = "Saberes 3 (corregido)"
    saberes.save_revision()
    assert listed_titles(client, status="changed") == {"Saberes 3"}
    saberes.get_workflow().start(saberes, None)
    assert listed_titles(client, status="in_review") == {"Saberes 3"}
    assert "Saberes 3" not in listed_titles(client, status="live")


def test_an_unknown_filter_value_is_reported_not_crashing(catalogue):
    _user, client = editor()
    response = client.get(LISTING_URL, {"level": "universidad", "status": "inventado"})
    assert response.status_code == 200
    assert response.context["filters"].errors  # the filter form says what is wrong


def test_bulk_submit_for_review_starts_the_workflow_for_pending_pages_only(catalogue):
    _user, client = editor()
    draft, live = catalogue["draft"], catalogue["video"]
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "submit_for_review"))
    query = f"?id={draft.pk}&id={live.pk}&next={LISTING_URL}"

    confirm = client.get(url + query).content.decode()
    assert "Borrador pendiente" in confirm and "Sí, enviar a revisión" in confirm

    response = client.post(url + query)
    assert response.status_code == 302
    states = WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS)
    assert set(states.values_list("object_id", flat=True)) == {str(draft.pk)}


def test_reviewer_bulk_publishes_from_the_listing(catalogue):
    _user, client = reviewer()
    draft = catalogue["draft"]
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    client.post(url + f"?id={draft.pk}&next={LISTING_URL}")
    draft.refresh_from_db()
    assert draft.live is True


def test_editor_cannot_bulk_publish(catalogue):
    _user, client = editor()
    draft = catalogue["draft"]
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    client.post(url + f"?id={draft.pk}&next={LISTING_URL}")
    draft.refresh_from_db()
    assert draft.live is False


def test_filtered_listing_exports_to_csv(catalogue):
    _user, client = editor()
    response = client.get(LISTING_URL, {"export": "csv", "level": "secundaria"})
    rows = b"".join(response.streaming_content).decode("utf-8").splitlines()
    assert len(rows) == 2  # heading and the one secundaria resource
    assert "Historia secundaria" in rows[1] and "secundaria" in rows[1] and "etica-naturaleza-y-sociedades" in rows[1]
