"""Search with JavaScript off: one query, then narrowed by two facets."""

import pytest

from tests.e2e.conftest import http_status

pytestmark = pytest.mark.e2e


def _choose_facet(tab, facet):
    """Follow the first value of a facet, opening its (no-JavaScript) <details> group if folded."""
    link = tab.locator(f".facets a[data-facet='{facet}']").first
    if not link.is_visible():
        tab.locator(f".facets details:has(a[data-facet='{facet}'])").first.locator("summary").click()
    link.click()


def test_search_without_javascript_and_narrow_with_two_facets(page_without_js, demo_site):
    if http_status(demo_site + "/buscar/") != 200:
        pytest.skip("La página /buscar/ es del trabajo de búsqueda (search/) y aún no responde.")
    tab = page_without_js
    tab.goto(demo_site + "/")
    tab.get_by_label("Busca libros, videos, guías y planes").fill("fracciones")
    tab.get_by_role("button", name="Buscar").first.click()
    assert "q=fracciones" in tab.url
    results = tab.locator(".result")
    before = results.count()
    assert before > 1
    _choose_facet(tab, "level")
    _choose_facet(tab, "type")
    assert "level=" in tab.url and "type=" in tab.url
    after = tab.locator(".result").count()
    assert 0 < after <= before
    assert tab.locator(".chips a").count() == 2


def test_search_box_offers_title_completions_when_javascript_runs(page, demo_site):
    if http_status(demo_site + "/api/v1/search/suggest/?q=frac") != 200:
        pytest.skip("La API de sugerencias es del trabajo de búsqueda (search/) y aún no responde.")
    page.goto(demo_site + "/")
    page.get_by_label("Busca libros, videos, guías y planes").press_sequentially("fracc", delay=40)
    options = page.locator("datalist#q-sugerencias option")
    options.first.wait_for(state="attached", timeout=10_000)
    values = [options.nth(i).get_attribute("value") for i in range(options.count())]
    assert any("fracciones" in value.lower() for value in values)
