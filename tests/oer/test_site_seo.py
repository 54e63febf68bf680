"""Machine-facing metadata of the site: canonical links, Open Graph, sitemap and robots.txt."""

import re

from .site_helpers import demo, resource_of  # noqa: F401


def _meta(html, prop):
    match = re.search(rf'<meta property="{re.escape(prop)}" content="([^"]*)">', html)
    return match.group(1) if match else None


def test_resource_pages_carry_canonical_link_and_open_graph(client, demo):
    video = resource_of("video")
    html = client.get(video.url + "?utm_source=x").content.decode()
    canonical = re.search(r'<link rel="canonical" href="([^"]+)">', html).group(1)
    assert canonical.startswith("http") and canonical.endswith(video.url)
    assert _meta(html, "og:url") == canonical
    assert _meta(html, "og:title") == video.title
    assert _meta(html, "og:type") == "video.other"
    assert _meta(html, "og:locale") == "es_MX"
    assert _meta(html, "og:video") == video.file_url


def test_browse_pages_have_canonical_links_without_query_strings(client, demo):
    html = client.get("/recursos/primaria/5/?orden=x").content.decode()
    canonical = re.search(r'<link rel="canonical" href="([^"]+)">', html).group(1)
    assert canonical.endswith("/recursos/primaria/5/")


def test_sitemap_lists_resources_and_browse_routes(client, demo):
    response = client.get("/sitemap.xml")
    xml = response.content.decode()
    assert response["Content-Type"].startswith("application/xml")
    textbook = resource_of("textbook")
    assert f"{textbook.url}</loc>" in xml
    assert "/recursos/primaria/5/</loc>" in xml
    assert "/recursos/secundaria/</loc>" in xml


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_admin(client, db):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in text
    assert re.search(r"^Sitemap: https?://[^/]+/sitemap\.xml$", text, re.M)
