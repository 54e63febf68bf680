"""Every absolute URL the site writes starts with ACERVO_BASE_URL, whatever host the request named."""

import json
import re
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import Client
from lxml import etree
from wagtail.models import Page, Site

from courses.models import Certificate, CoursePage, LessonPage, ModulePage, TrackPage
from oer.models import ResourcePage

BASE = "https://acervo.example.mx"
# Hosts a request-derived URL would carry: the test client's, a dev server's, a proxy's.
REQUEST_HOSTS = {"testserver", "localhost", "127.0.0.1", "interno.proxy"}
URL_RE = re.compile(r"""https?://[^\s"'<>\\)]+""")
ATOM = {"a": "http://www.w3.org/2005/Atom"}
OAI = {"o": "http://www.openarchives.org/OAI/2.0/", "dc": "http://purl.org/dc/elements/1.1/"}


@pytest.fixture
def public_site(settings, db):
    """The demo site configured for https://acervo.example.mx, seen through a client on another host."""
    settings.ACERVO_BASE_URL = settings.WAGTAILADMIN_BASE_URL = settings.WAGTAILAPI_BASE_URL = BASE
    with open("/dev/null", "w") as devnull:
        call_command("load_demo", stdout=devnull)
    return Client(HTTP_HOST="interno.proxy:8080")


def absolute_urls(text):
    return set(URL_RE.findall(text.replace("\\/", "/")))


def assert_no_request_host(text, where):
    leaked = {url for url in absolute_urls(text) if urlsplit(url).hostname in REQUEST_HOSTS}
    assert not leaked, f"{where}: {sorted(leaked)[:5]}"


def _head_link(html, attribute, value):
    match = re.search(rf'<(?:link|meta) [^>]*{attribute}="{re.escape(value)}"[^>]*(?:href|content)="([^"]+)"', html)
    return match.group(1) if match else None


def page_paths():
    """One address of every kind of public page."""
    resources = ResourcePage.objects.live().specific()
    kinds = {}
    for resource in resources:
        kinds.setdefault(type(resource).__name__, resource.url)
    assert {"TextbookPage", "VideoLessonPage", "TeacherGuidePage", "WeeklyPlanPage"} <= set(kinds)
    course_pages = [model.objects.live().first().url for model in (TrackPage, CoursePage, ModulePage, LessonPage)]
    return [
        "/",
        "/recursos/",
        "/recursos/primaria/",
        "/recursos/primaria/5/",
        "/buscar/?q=lectura",
        "/cursos/",
        "/datos/",
        "/cuentas/entrar/",
        *kinds.values(),
        *course_pages,
    ]


def test_every_page_type_writes_canonical_open_graph_and_json_ld_at_the_public_address(public_site):
    for path in page_paths():
        response = public_site.get(path)
        assert response.status_code == 200, path
        html = response.content.decode()
        canonical = _head_link(html, "rel", "canonical")
        assert canonical == BASE + path.split("?")[0], path
        assert _head_link(html, "property", "og:url") == canonical, path
        for script in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S):
            data = json.loads(script)
            assert data["@id"] == data["url"] == canonical, path
        assert_no_request_host(html, path)


def test_resource_pages_carry_json_ld_with_the_public_address(public_site):
    resource = ResourcePage.objects.live().filter(kind="textbook").first()
    html = public_site.get(resource.url).content.decode()
    [script] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert json.loads(script)["@id"] == BASE + resource.url


def test_sitemap_and_robots_point_at_the_public_address(public_site):
    xml = public_site.get("/sitemap.xml").content
    locations = etree.fromstring(xml).xpath("//*[local-name()='loc']/text()")
    assert len(locations) > 20
    assert all(location.startswith(BASE + "/") for location in locations), locations[:3]
    assert BASE + "/recursos/primaria/5/" in locations
    robots = public_site.get("/robots.txt").content.decode()
    assert f"Sitemap: {BASE}/sitemap.xml" in robots.splitlines()


def test_atom_feed_links_and_ids_use_the_public_address(public_site):
    feed = etree.fromstring(public_site.get("/datos/novedades.atom").content)
    links = feed.xpath("//a:link/@href", namespaces=ATOM) + feed.xpath("//a:id/text()", namespaces=ATOM)
    assert len(links) > 10
    assert all(link.startswith(BASE + "/") for link in links), links[:3]
    assert BASE + "/datos/novedades.atom" in feed.xpath("a:link[@rel='self']/@href", namespaces=ATOM)


def test_oai_pmh_identifiers_and_links_use_the_public_address(public_site):
    identify = etree.fromstring(public_site.get("/oai/", {"verb": "Identify"}).content)
    assert identify.xpath("//o:baseURL/text()", namespaces=OAI) == [BASE + "/oai/"]
    assert identify.xpath("//o:request/text()", namespaces=OAI) == [BASE + "/oai/"]
    listing = public_site.get("/oai/", {"verb": "ListRecords", "metadataPrefix": "oai_dc"}).content
    tree = etree.fromstring(listing)
    identifiers = tree.xpath("//o:header/o:identifier/text()", namespaces=OAI)
    assert identifiers and all(value.startswith("oai:acervo.example.mx:") for value in identifiers)
    page_links = [
        url
        for url in tree.xpath("//dc:identifier/text()", namespaces=OAI)
        if "/recursos/" in url and "archivo" not in url
    ]
    assert page_links and all(url.startswith(BASE + "/recursos/") for url in page_links)
    assert_no_request_host(listing.decode(), "OAI-PMH")


def test_partner_api_urls_use_the_public_address(public_site):
    listing = public_site.get("/api/v2/pages/", {"type": "oer.TextbookPage", "fields": "html_url"}).json()
    item = listing["items"][0]
    assert item["meta"]["detail_url"].startswith(BASE + "/api/v2/pages/")
    assert item["meta"]["html_url"].startswith(BASE + "/recursos/")
    assert_no_request_host(json.dumps(listing), "API v2")


def test_certificate_credential_names_the_public_address(public_site):
    course = CoursePage.objects.live().first()
    certificate = Certificate.objects.create(
        code="PUBLICO23456789ABCDE", course=course, course_title=course.title, holder_name="Ana", status_index=7
    )
    for suffix in ("/", ".json"):
        body = public_site.get(f"/certificados/{certificate.code}{suffix}").content.decode()
        assert_no_request_host(body, suffix)
    badge = public_site.get(f"/certificados/{certificate.code}.json").json()
    assert badge["id"] == f"{BASE}/certificados/{certificate.code}.json"
    assert badge["issuer"]["id"] == "did:web:acervo.example.mx"
    assert badge["credentialStatus"]["statusListCredential"] == f"{BASE}/certificados/estado/0.jwt"
    assert badge["credentialSubject"]["achievement"]["id"] == BASE + course.url
    document = public_site.get("/.well-known/did.json").json()
    assert document["id"] == "did:web:acervo.example.mx"


def test_migrate_and_load_demo_point_the_site_record_at_the_public_address(settings, db):
    from oer.site import ensure_home

    ensure_home()
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("testserver", 80)

    settings.ACERVO_BASE_URL = "http://127.0.0.1:8000"
    call_command("migrate", verbosity=0)
    site.refresh_from_db()
    assert site.root_url == "http://127.0.0.1:8000"

    settings.ACERVO_BASE_URL = BASE
    with open("/dev/null", "w") as devnull:
        call_command("load_demo", stdout=devnull)
    site.refresh_from_db()
    assert site.root_url == BASE
    assert Page.objects.get(pk=site.root_page_id).full_url == BASE + "/"


def test_system_check_warns_when_the_site_record_names_another_host(settings, db):
    from oer.site import ensure_home

    ensure_home()
    call_command("check", "--database", "default", "--fail-level", "WARNING")
    settings.ACERVO_BASE_URL = BASE
    with pytest.raises(SystemCheckError, match="oer.W001"):
        call_command("check", "--database", "default", "--fail-level", "WARNING")


@pytest.mark.parametrize(
    "value",
    [
        "acervo.example.mx",
        "https://acervo.example.mx/sitio/",
        "https://acervo.example.mx:8443",
        "ftp://acervo.example.mx",
    ],
)
def test_system_check_refuses_an_unusable_base_url(settings, value):
    settings.ACERVO_BASE_URL = value
    with pytest.raises(SystemCheckError, match="oer.E001"):
        call_command("check")
