"""An unzipped pack opened from file:// in Chromium: no network request, links that work, accessible."""

import pytest

from tests.e2e.conftest import PHONE, axe_violations


@pytest.fixture
def unzipped(grade_catalog, pack_course, export_pack, tmp_path):
    folder = tmp_path / "usb"
    export_pack("--course", "fracciones-en-casa").extractall(folder)
    return folder


@pytest.fixture
def tab(browser):
    """A phone-sized tab that records every request it makes and refuses any that leaves file://."""
    context = browser.new_context(viewport=PHONE, locale="es-MX")
    requests = []
    context.on("request", lambda request: requests.append(request.url))

    def refuse_network(route):
        route.continue_() if route.request.url.startswith(LOCAL_SCHEMES) else route.abort()

    context.route("**/*", refuse_network)
    page = context.new_page()
    page.requests = requests
    yield page
    context.close()


# The pack's own files, and what Chromium's built-in PDF viewer loads from inside the browser.
LOCAL_SCHEMES = ("file://", "chrome-extension://", "chrome://", "data:", "blob:")


def network_requests(tab):
    return [url for url in tab.requests if not url.startswith(LOCAL_SCHEMES)]


def test_pack_opens_from_file_without_network(unzipped, tab):
    index = unzipped / "index.html"
    tab.goto(index.as_uri())
    tab.wait_for_load_state("networkidle")
    assert tab.locator("h1").inner_text() == "Quinto grado de primaria"
    assert tab.evaluate("getComputedStyle(document.body).maxWidth") != "none"  # the pack's stylesheet loaded
    tab.get_by_role("link", name="Múltiples lenguajes. Quinto grado").click()
    tab.wait_for_load_state("networkidle")
    assert tab.url.endswith("/recursos/multiples-lenguajes-quinto-grado.html")
    assert tab.locator("img.cover").evaluate("img => img.complete && img.naturalWidth > 0")
    pdf_link = tab.get_by_role("link", name="Abrir el PDF")
    href = pdf_link.get_attribute("href")
    target = (unzipped / "recursos" / href).resolve()
    assert target.is_file() and target.read_bytes().startswith(b"%PDF")
    pdf_link.click()  # Chromium's own PDF viewer opens it, from the stick
    tab.wait_for_url(target.as_uri())
    tab.goto((unzipped / "recursos" / "fracciones-en-la-cocina.html").as_uri())
    tab.wait_for_load_state("networkidle")
    assert tab.locator("video track").count() == 1
    tab.goto((unzipped / "curso" / "index.html").as_uri())
    tab.get_by_role("link", name="Partes iguales").first.click()
    tab.wait_for_load_state("networkidle")
    assert "¿Cuántos cuartos hacen un entero?" in tab.content()
    assert tab.requests and network_requests(tab) == []


def test_pack_pages_are_accessible(unzipped, tab):
    for path in (
        "index.html",
        "recursos/multiples-lenguajes-quinto-grado.html",
        "recursos/fracciones-en-la-cocina.html",
    ):
        tab.goto((unzipped / path).as_uri())
        tab.wait_for_load_state("networkidle")
        assert axe_violations(tab) == [], path
        assert tab.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), path
    lessons = sorted((unzipped / "curso").glob("leccion-*.html"))
    tab.goto(lessons[0].as_uri())
    assert axe_violations(tab) == []
    assert network_requests(tab) == []
