"""Screenshots of the main pages for docs/screenshots/ (run by hand: ACERVO_SCREENSHOTS=1)."""

import os
from pathlib import Path

import pytest

from tests.e2e.conftest import DESKTOP, PHONE

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        not os.environ.get("ACERVO_SCREENSHOTS"),
        reason="Las capturas se regeneran a mano: ACERVO_SCREENSHOTS=1 pytest tests/e2e/test_screenshots.py",
    ),
]

OUTPUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def _pages():
    from oer.models import ResourcePage, WeeklyPlanPage

    video = ResourcePage.objects.live().get(title="Las fracciones en la vida diaria")
    textbook = ResourcePage.objects.live().get(title="Múltiples lenguajes. Quinto grado")
    plan = WeeklyPlanPage.objects.live().order_by("-week_number").first()
    return {
        "inicio": "/",
        "grado": "/recursos/primaria/5/",
        "libro": textbook.url,
        "video": video.url,
        "plan-semanal": plan.url,
        "busqueda": "/buscar/?q=fracciones",
    }


def test_capture_main_pages_on_phone_and_desktop(browser, demo_site):
    OUTPUT.mkdir(parents=True, exist_ok=True)
    for size_name, viewport in (("movil", PHONE), ("escritorio", DESKTOP)):
        context = browser.new_context(viewport=viewport, locale="es-MX", device_scale_factor=1)
        tab = context.new_page()
        for name, path in _pages().items():
            tab.goto(demo_site + path)
            tab.screenshot(path=str(OUTPUT / f"{name}-{size_name}.png"), full_page=size_name == "movil")
        context.close()
    assert len(list(OUTPUT.glob("*.png"))) >= 12
