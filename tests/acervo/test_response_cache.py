"""Anonymous searches and public pages come from the cache for a while; signed-in users never do."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page

pytestmark = pytest.mark.django_db


@pytest.fixture
def cached(settings):
    settings.ACERVO_RESPONSE_CACHE_SECONDS = 60


def rename(page, title):
    Page.objects.filter(pk=page.pk).update(title=title)


def test_anonymous_page_is_served_from_the_cache_until_it_expires(client, site_structure, cached):
    url = site_structure.url
    assert "Recursos" in client.get(url).content.decode()
    rename(site_structure, "Biblioteca renombrada")
    again = client.get(url)
    assert again.status_code == 200
    assert "Biblioteca renombrada" not in again.content.decode()  # the stored answer
    assert again["Content-Security-Policy"]  # headers added outside the cache still apply
    assert "Biblioteca renombrada" in client.get(url + "?otra=1").content.decode()  # another address


def test_signed_in_users_always_get_a_fresh_page(client, site_structure, cached):
    url = site_structure.url
    client.get(url)
    rename(site_structure, "Biblioteca renombrada")
    user = get_user_model().objects.create_user("lectora", "lectora@example.mx", "clave-segura-123")
    client.force_login(user)
    assert "Biblioteca renombrada" in client.get(url).content.decode()


def test_without_the_setting_nothing_is_cached(client, site_structure, settings):
    settings.ACERVO_RESPONSE_CACHE_SECONDS = 0
    url = site_structure.url
    client.get(url)
    rename(site_structure, "Biblioteca renombrada")
    assert "Biblioteca renombrada" in client.get(url).content.decode()


def test_errors_and_other_addresses_are_not_kept(client, site_structure, cached):
    assert client.get("/no-existe/").status_code == 404
    assert client.get("/salud/").status_code == 200
    assert client.get("/salud/")["Cache-Control"] == "max-age=0, no-cache, no-store, must-revalidate, private"
