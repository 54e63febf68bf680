"""A resource behind a view restriction (its own or an ancestor's) leaves every public listing, and comes back.

The restriction is set and cleared as editors do it (the admin's privacy dialog) or on the model;
the queue entries it writes are drained by the background task on commit, as in production.
"""

import time

import pytest
from django.utils import timezone
from lxml import etree
from wagtail.models import PageViewRestriction

from oer.models import ResourceIndexPage, ResourcePage
from tests.oer.oai_support import NS, texts, valid_tree

pytestmark = pytest.mark.django_db

HIDDEN = "prueba:restringido:1"
OTHER = "prueba:abierto:1"


@pytest.fixture
def catalogue(embedded_search, import_records, record_factory, site_structure):
    import_records(
        [
            record_factory(external_id=HIDDEN, title="Fracciones equivalentes con tiras de papel", grades=[5]),
            record_factory(external_id=OTHER, title="Geometría del entorno", grades=[5]),
        ]
    )
    return ResourcePage.objects.get(external_id=HIDDEN).specific


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editora", "editora@example.org", "clave-segura-123")


def set_privacy(client, editor, page, restriction_type, **fields):
    """The admin's privacy dialog (Página > Privacidad), posted as the editor's browser does; then anonymous again."""
    client.force_login(editor)
    response = client.post(f"/admin/pages/{page.pk}/privacy/", {"restriction_type": restriction_type, **fields})
    client.logout()
    assert response.status_code == 200, response.content[:500]
    assert response.json()["step"] == "set_privacy_done"


def oai(client, **params):
    return valid_tree(client.get("/oai/", params))


def listings(client, page):
    """What each public listing says about the resource: True where it is shown."""
    search = client.get("/api/v1/search/", {"q": "fracciones"}).json()
    suggest = client.get("/api/v1/search/suggest/", {"q": "fracc"}).json()
    html = client.get("/buscar/", {"q": "fracciones"}).content.decode()
    record = oai(client, verb="GetRecord", identifier=f"oai:testserver:{HIDDEN}", metadataPrefix="oai_dc")
    headers = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc")
    status = {
        identifier: status
        for identifier, status in zip(
            texts(headers, "//oai:header/oai:identifier"),
            [header.get("status") for header in headers.xpath("//oai:header", namespaces=NS)],
            strict=True,
        )
    }
    sitemap = etree.fromstring(client.get("/sitemap.xml").content)
    locations = sitemap.xpath("//s:loc/text()", namespaces={"s": "http://www.sitemaps.org/schemas/sitemap/0.9"})
    node = client.get("/nodos/recursos.json", {"id": [HIDDEN, OTHER]}).json()
    return {
        "api": [hit["external_id"] for hit in search["results"]] == [HIDDEN],
        "suggest": any("Fracciones equivalentes" in str(item) for item in suggest.values()),
        "buscar": "Fracciones equivalentes con tiras de papel" in html,
        "oai_get": bool(record.xpath("//oai_dc:dc", namespaces=NS)) and texts(record, "//oai:header/@status") == [],
        "oai_list": status.get(f"oai:testserver:{HIDDEN}", "missing") is None,
        "sitemap": any(location.endswith(page.url) for location in locations),
        "node": [record["external_id"] for record in node["records"]] == [HIDDEN, OTHER],
    }


ALL_SHOWN = dict.fromkeys(("api", "suggest", "buscar", "oai_get", "oai_list", "sitemap", "node"), True)
NONE_SHOWN = dict.fromkeys(ALL_SHOWN, False)


def test_a_login_restriction_set_in_the_admin_hides_the_resource_and_clearing_it_brings_it_back(
    catalogue, client, editor, django_capture_on_commit_callbacks
):
    assert listings(client, catalogue) == ALL_SHOWN

    with django_capture_on_commit_callbacks(execute=True):
        set_privacy(client, editor, catalogue, PageViewRestriction.LOGIN)
    assert listings(client, catalogue) == NONE_SHOWN
    node = client.get("/nodos/recursos.json", {"id": [HIDDEN, OTHER]}).json()
    assert [record["external_id"] for record in node["records"]] == [OTHER]  # the rest still listed
    assert client.get("/api/v1/search/", {"q": "geometría"}).json()["count"] == 1

    with django_capture_on_commit_callbacks(execute=True):
        set_privacy(client, editor, catalogue, "none")
    assert listings(client, catalogue) == ALL_SHOWN


def test_a_password_on_an_ancestor_hides_every_resource_below_it(catalogue, client, django_capture_on_commit_callbacks):
    index = ResourceIndexPage.objects.get()
    assert catalogue.get_parent().pk == index.pk
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=index, restriction_type=PageViewRestriction.PASSWORD, password="secreto"
        )
    assert listings(client, catalogue) == NONE_SHOWN
    assert client.get("/api/v1/search/").json()["count"] == 0
    assert client.get("/nodos/recursos.json", {"id": [HIDDEN, OTHER]}).json()["records"] == []

    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert listings(client, catalogue) == ALL_SHOWN
    assert client.get("/api/v1/search/").json()["count"] == 2


def test_harvesting_from_before_a_restriction_reports_the_record_deleted_then_back(
    catalogue, client, django_capture_on_commit_callbacks
):
    first = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc")  # a harvester has both records
    assert len(texts(first, "//oai:header/oai:identifier")) == 2
    time.sleep(1.1)  # datestamps count whole seconds: the import's fall before `from`
    before = timezone.now().strftime("%Y-%m-%dT%H:%M:%SZ")
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(page=catalogue, restriction_type=PageViewRestriction.LOGIN)
    changed = oai(client, verb="ListRecords", metadataPrefix="oai_dc", **{"from": before})
    assert texts(changed, "//oai:header/oai:identifier") == [f"oai:testserver:{HIDDEN}"]
    assert texts(changed, "//oai:header/@status") == ["deleted"]
    assert not changed.xpath("//oai:metadata", namespaces=NS)

    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    back = oai(client, verb="ListRecords", metadataPrefix="oai_dc", **{"from": before})
    assert texts(back, "//oai:header/oai:identifier") == [f"oai:testserver:{HIDDEN}"]
    assert texts(back, "//oai:header/@status") == []
    assert texts(back, "//dc:title") == ["Fracciones equivalentes con tiras de papel"]
