"""The Content-Security-Policy holds in Chromium: public pages and the Wagtail admin run with no violation."""

import re

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page

from tests.oer.reader_support import SENTENCE_PAGE, import_book

pytestmark = pytest.mark.e2e

# Every violation the page reports, and every console error, kept on the window for the test to read.
WATCH_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__violations.push(
    e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + e.sourceFile + ':' + e.lineNumber
  );
});
"""


@pytest.fixture
def watched(browser):
    """A desktop tab that records CSP violations and console errors."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="es-MX")
    context.add_init_script(WATCH_VIOLATIONS)
    tab = context.new_page()
    tab.console_errors = []
    tab.on("console", lambda message: message.type == "error" and tab.console_errors.append(message.text))
    tab.on("pageerror", lambda error: tab.console_errors.append(str(error)))
    yield tab
    context.close()


def problems(tab):
    """Violations on the current page and CSP console errors since the last call."""
    found = tab.evaluate("() => window.__violations") + [
        e for e in tab.console_errors if "Content Security Policy" in e
    ]
    tab.console_errors.clear()
    return found


def assert_clean(tab, where):
    found = problems(tab)
    if found:
        pytest.fail(f"{where}:\n" + "\n".join(found))


def test_public_pages_carry_the_policy_and_break_none_of_it(watched, demo_site):
    resource = watched.goto(demo_site + "/recursos/primaria/5/")
    policy = resource.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert resource.headers["x-content-type-options"] == "nosniff"
    assert resource.headers["referrer-policy"] == "same-origin"
    assert "camera=()" in resource.headers["permissions-policy"]
    assert_clean(watched, watched.url)

    visited = ["/", "/buscar/?q=fracciones", "/cuentas/entrar/", "/cuentas/registro/", "/cuentas/contrasena/"]
    watched.goto(demo_site + "/recursos/primaria/5/")
    watched.get_by_role("link", name="Las fracciones en la vida diaria").first.click()
    visited.append(watched.url)
    watched.goto(demo_site + "/recursos/primaria/5/")
    watched.get_by_role("link", name="Múltiples lenguajes. Quinto grado").first.click()
    visited.append(watched.url)
    for address in visited:
        response = watched.goto(address if address.startswith("http") else demo_site + address)
        assert response.status == 200, address
        assert "content-security-policy" in response.headers, address
        watched.wait_for_load_state("networkidle")
        assert_clean(watched, address)

    # The search box's suggestions come from a script file and still work under the policy.
    watched.goto(demo_site + "/")
    with watched.expect_response(re.compile(r"/api/")):
        watched.get_by_role("combobox").first.fill("fracc")
    assert_clean(watched, watched.url)


def test_the_wagtail_admin_edits_a_page_under_the_policy(watched, demo_site):
    get_user_model().objects.create_superuser("editora", "editora@acervo.mx", "contraseña-segura-123")
    watched.goto(demo_site + "/admin/login/")
    watched.fill("#id_username", "editora")
    watched.fill("#id_password", "contraseña-segura-123")
    watched.get_by_role("button", name=re.compile("Iniciar sesión|Entrar")).click()
    watched.wait_for_url(re.compile(r"/admin/$"))
    assert_clean(watched, watched.url)

    page = Page.objects.live().filter(title="Las fracciones en la vida diaria").first()
    response = watched.goto(f"{demo_site}/admin/pages/{page.pk}/edit/")
    assert response.status == 200 and "content-security-policy" in response.headers
    watched.wait_for_load_state("networkidle")
    title = watched.locator("#id_title")
    assert title.input_value() == page.title
    # Wagtail's widgets write inline scripts (see acervo/security_headers.py): they must run here.
    title.fill(page.title + " (revisado)")
    with watched.expect_navigation():
        watched.get_by_role("button", name=re.compile("Guardar borrador")).click()
    watched.wait_for_load_state("networkidle")
    assert "ha sido actualizada" in watched.locator(".messages").inner_text()
    assert "(revisado)" in watched.locator("#id_title").input_value()
    assert Page.objects.get(pk=page.pk).get_latest_revision().content["title"] == page.title + " (revisado)"
    assert_clean(watched, "página editada")


def test_the_book_reader_renders_under_the_policy(watched, live_server, transactional_db, tmp_path):
    book = import_book(tmp_path / "catalogo")
    watched.goto(f"{live_server.url}/recursos/{book.slug}/leer/?pagina={SENTENCE_PAGE}&q=fotosíntesis")
    watched.wait_for_selector(f'[data-reader][data-rendered-page="{SENTENCE_PAGE}"]', state="attached", timeout=30_000)
    assert watched.locator("[data-reader]").get_attribute("data-reader-state") == "ready"
    assert watched.locator(".textLayer mark.highlight").count() == 1
    assert_clean(watched, "lector")
