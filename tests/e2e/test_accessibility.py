"""axe-core finds no serious or critical WCAG 2.1 AA problems on the main pages."""

import pytest

from tests.e2e.conftest import DESKTOP, PHONE, axe_violations, http_status

pytestmark = pytest.mark.e2e

PAGES = ["/", "/recursos/", "/recursos/primaria/", "/recursos/primaria/5/"]


def _resource_urls(base):
    from oer.models import ResourcePage

    urls = []
    for kind in ("textbook", "video", "audio", "teacher_guide", "weekly_plan", "activity"):
        urls.append(ResourcePage.objects.live().filter(kind=kind).order_by("pk").first().url)
    return urls


def test_main_pages_have_no_serious_accessibility_violations(page, demo_site):
    failures = {}
    for path in PAGES + _resource_urls(demo_site):
        for name, viewport in (("móvil", PHONE), ("escritorio", DESKTOP)):
            page.set_viewport_size(viewport)
            page.goto(demo_site + path)
            violations = axe_violations(page)
            if violations:
                failures[f"{path} ({name})"] = violations
    assert failures == {}


def test_search_page_has_no_serious_accessibility_violations(page, demo_site):
    if http_status(demo_site + "/buscar/?q=fracciones") != 200:
        pytest.skip("La página /buscar/ es del trabajo de búsqueda (search/) y aún no responde.")
    page.goto(demo_site + "/buscar/?q=fracciones")
    assert axe_violations(page) == []
