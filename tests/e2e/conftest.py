"""Browser fixtures: Debian's Chromium through Playwright, a live server with the demo catalogue, axe-core."""

import os
from pathlib import Path

import pytest
from django.core.management import call_command

CHROMIUM = os.environ.get("ACERVO_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_PATH = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium no está instalado en {CHROMIUM} (apt-get install chromium)")
    # Playwright's sync API runs its own event loop; Django must allow ORM calls beside it.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import Error, sync_playwright

    with sync_playwright() as playwright:
        try:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        except Error as exc:
            pytest.skip(f"Chromium no pudo arrancar: {exc}")
        yield chromium
        chromium.close()


def _ensure_wagtail_root():
    """Wagtail's root page and default locale come from migrations; a flush between tests drops them."""
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Locale, Page

    if not Locale.objects.exists():
        Locale.objects.create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    if Page.get_first_root_node() is None:
        Page.objects.create(
            title="Root", slug="root", path="0001", depth=1, numchild=0, url_path="/",
            content_type=ContentType.objects.get_for_model(Page), locale=Locale.objects.first(),
        )


@pytest.fixture
def demo_site(live_server, transactional_db, django_db_serialized_rollback):
    """The live server's address, with the demo catalogue loaded."""
    _ensure_wagtail_root()
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
    tab.add_script_tag(path=str(AXE_PATH))
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
