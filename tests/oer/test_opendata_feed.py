"""The Atom feed of new resources at /datos/novedades.atom."""

import pytest
from lxml import etree

pytestmark = pytest.mark.django_db
ATOM = {"a": "http://www.w3.org/2005/Atom"}


def test_feed_lists_new_resources_newest_first_without_withdrawn_ones(
    client, run_command, write_catalog, record_factory, site_structure
):
    from oer.models import ResourcePage

    assert (
        run_command(
            "import_catalog",
            str(write_catalog([record_factory(external_id="feed:1", title="Primero")], name="a.jsonl")),
        ).code
        == 0
    )
    assert (
        run_command(
            "import_catalog",
            str(
                write_catalog(
                    [
                        record_factory(external_id="feed:2", title="Segundo", description="Para leer en familia."),
                        record_factory(external_id="feed:3", title="Retirado"),
                    ],
                    name="b.jsonl",
                )
            ),
        ).code
        == 0
    )
    ResourcePage.objects.filter(external_id="feed:1").update(first_published_at="2020-01-01T00:00:00Z")
    ResourcePage.objects.get(external_id="feed:3").specific.unpublish()

    response = client.get("/datos/novedades.atom")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = etree.fromstring(response.content)
    assert feed.findtext("a:title", namespaces=ATOM) == "Acervo: recursos nuevos"
    entries = feed.findall("a:entry", namespaces=ATOM)
    assert [entry.findtext("a:title", namespaces=ATOM) for entry in entries] == ["Segundo", "Primero"]
    second = entries[0]
    assert second.findtext("a:summary", namespaces=ATOM) == "Para leer en familia."
    link = second.find("a:link", namespaces=ATOM).get("href")
    assert link.startswith("http://testserver/recursos/")
    assert second.findtext("a:id", namespaces=ATOM) == link
    assert {c.get("term") for c in second.findall("a:category", namespaces=ATOM)} >= {
        "Libro de texto",
        "Primaria",
        "Lenguajes",
    }
    assert second.findtext("a:rights", namespaces=ATOM) == "SEP: uso educativo gratuito"


def test_data_page_advertises_the_feed(client, site_structure):
    page = client.get("/datos/").content.decode()
    assert '<link rel="alternate" type="application/atom+xml"' in page and "/datos/novedades.atom" in page
