"""Browser fixtures: Debian's Chromium through Playwright, a live server with the demo catalogue, axe-core."""

import os
from pathlib import Path

import pytest
from django.core.management import call_command

AXE_PATH = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def demo_site(live_server, transactional_db):
    """The live server's address, with the demo catalogue loaded."""
    with open(os.devnull, "w") as devnull:
        call_command("load_demo", stdout=devnull)
    return live_server.url


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=PHONE, locale="es-MX")
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def page_without_js(browser):
    context = browser.new_context(viewport=PHONE, locale="es-MX", java_script_enabled=False)
    tab = context.new_page()
    yield tab
    context.close()


def axe_violations(tab, impacts=("serious", "critical")):
    """Run axe-core on the current document; the violations of the given impacts."""
    if not AXE_PATH.exists():
        pytest.skip("axe-core no está instalado: ejecuta `npm ci` en la raíz del proyecto")
    # Evaluated through the DevTools protocol: a <script> tag would be inline code, which the
    # site's Content-Security-Policy refuses.
    tab.evaluate(AXE_PATH.read_text(encoding="utf-8") + "\n;undefined")
    result = tab.evaluate(
        "async () => await axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"
    )
    return [
        {"id": v["id"], "impact": v["impact"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"][:5]]}
        for v in result["violations"]
        if v["impact"] in impacts
    ]


def http_status(url):
    """Status code of a plain GET, without a browser (to check that a page exists at all)."""
    from urllib.error import HTTPError
    from urllib.request import urlopen

    try:
        with urlopen(url, timeout=15) as response:
            return response.status
    except HTTPError as exc:
        return exc.code
