"""The admin's file report (Informes → Archivos) has no serious or critical accessibility problems."""

import pytest
from django.conf import settings
from django.test import Client

from media.models import StoredFile
from oer.files.models import FileFetch
from tests.e2e.conftest import DESKTOP, PHONE, axe_violations
from tests.factories import TextbookPageFactory

pytestmark = pytest.mark.e2e


@pytest.fixture
def signed_in(browser, live_server, transactional_db, django_user_model):
    """A browser tab signed in to the admin as a superuser, on the live server."""
    user = django_user_model.objects.create_superuser("operadora", "operadora@example.mx", "clave-segura-123")
    client = Client()
    client.force_login(user)
    context = browser.new_context(viewport=DESKTOP, locale="es-MX")
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    tab = context.new_page()
    yield tab
    context.close()


def test_the_file_report_has_no_serious_accessibility_violations(signed_in, live_server, site_structure):
    book = TextbookPageFactory(parent=site_structure, title="Libro con enlace roto")
    FileFetch.objects.create(
        resource=book, url="https://libros.example.org/roto.pdf", attempts=2, last_error="el servidor respondió 404"
    )
    long_book = TextbookPageFactory(parent=site_structure, title="Libro demasiado largo")
    long_book.stored_file = StoredFile.objects.create(
        sha256="a" * 64,
        file=f"archivos/aa/aa/{'a' * 64}.pdf",
        size_bytes=3_000_000,
        mime_type="application/pdf",
        original_name="largo.pdf",
        read_status=StoredFile.ReadStatus.FAILED,
        read_error="El libro tiene 6000 páginas; el máximo es 5000.",
    )
    long_book.save()
    failures = {}
    for name, viewport in (("móvil", PHONE), ("escritorio", DESKTOP)):
        signed_in.set_viewport_size(viewport)
        signed_in.goto(live_server.url + "/admin/archivos/")
        html = signed_in.content()
        assert "el servidor respondió 404" in html and "el máximo es 5000" in html
        violations = axe_violations(signed_in)
        if violations:
            failures[name] = violations
    assert failures == {}
