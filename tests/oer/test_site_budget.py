"""Every page stays light: at most 10 SQL queries and 100 KB of HTML."""

import pytest

from oer import taxonomy

from .site_helpers import demo, resource_of  # noqa: F401

MAX_QUERIES = 10
MAX_BYTES = 100 * 1024


def _assert_light(client, url, django_assert_max_num_queries):
    client.get(url)  # warm per-process caches (site root paths), as on a running server
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(url)
    assert response.status_code == 200
    assert len(response.content) <= MAX_BYTES, f"{url} weighs {len(response.content)} bytes"
    return response


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/recursos/",
        "/recursos/primaria/",
        "/recursos/primaria/5/",
        "/recursos/primaria/1/",
        "/recursos/educacion-para-adultos/",
    ],
)
def test_browse_pages_stay_within_query_and_size_budget(client, demo, django_assert_max_num_queries, url):
    _assert_light(client, url, django_assert_max_num_queries)


@pytest.mark.parametrize("kind", taxonomy.RESOURCE_TYPES.slugs)
def test_each_resource_type_stays_within_query_and_size_budget(client, demo, django_assert_max_num_queries, kind):
    page = resource_of(kind)
    response = _assert_light(client, page.url, django_assert_max_num_queries)
    assert page.title.replace("'", "&#x27;") in response.content.decode()


def test_stylesheet_is_small_and_self_hosted(client, demo):
    html = client.get("/").content.decode()
    assert '<link rel="stylesheet" href="/static/css/acervo.css">' in html
    assert "https://" not in html.split("</head>")[0].split('<link rel="stylesheet"')[1].split(">")[0]
    from django.contrib.staticfiles import finders

    with open(finders.find("css/acervo.css"), "rb") as handle:
        assert len(handle.read()) < 15 * 1024
