"""The Wagtail admin speaks Spanish: no English left where Wagtail's own Spanish catalogue has gaps.

Wagtail 8's Spanish catalogue lacks about a quarter of the admin's strings ("Search…", "1-50 of 105
Recursos"); the falling back from es-MX to es works, there is just nothing there. Acervo fills the
gaps in locale/wagtail/ (LOCALE_PATHS).
"""

import re
from pathlib import Path

import pytest
import wagtail
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import translation

from oer.models import ResourceIndexPage

# The admin's apps that Acervo installs; their English catalogues list every string they show.
WAGTAIL_APPS = [
    "admin",
    "",
    "users",
    "images",
    "documents",
    "snippets",
    "sites",
    "embeds",
    "search",
    "contrib/redirects",
    "contrib/forms",
    "contrib/settings",
    "contrib/search_promotions",
]
# Strings whose Spanish is written the same (codes, placeholders, loanwords kept in Wagtail's Spanish).
SAME_IN_SPANISH = {
    "%(field_label)s:",
    "%(range_start)s - %(range_end)s",
    "%(related_model_name)s %(field_label)s",
    "%(status_display)s %(task_name)s %(started_at)s",
    "Admin",
    "Alias",
    "Error",
    "Error 404",
    "ID",
    "Login",
    "No",
    "Roles",
    "Token",
    "URL",
    "workflow_tasks",
}
ENTRY_RE = re.compile(r'^msgid ((?:".*"\n)+)(?:msgid_plural ((?:".*"\n)+))?', re.M)


def _text(quoted):
    joined = "".join(re.findall(r'^"(.*)"$', quoted, re.M))
    return joined.encode("utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")


def wagtail_strings():
    root = Path(wagtail.__file__).parent
    for app in WAGTAIL_APPS:
        catalogue = root / app / "locale" / "en" / "LC_MESSAGES" / "django.po"
        for match in ENTRY_RE.finditer(catalogue.read_text(encoding="utf-8")):
            msgid = _text(match.group(1))
            if msgid:
                yield msgid, _text(match.group(2)) if match.group(2) else None


def test_every_admin_string_of_wagtail_has_spanish():
    with translation.override("es-mx"):
        english = sorted(
            msgid
            for msgid, plural in wagtail_strings()
            if msgid not in SAME_IN_SPANISH
            and (translation.ngettext(msgid, plural, 2) == plural if plural else translation.gettext(msgid) == msgid)
        )
    assert not english, f"{len(english)} sin traducir, p. ej.: {english[:10]}"


@pytest.mark.django_db
def test_admin_search_box_and_listing_counts_are_in_spanish(client):
    with open("/dev/null", "w") as devnull:
        call_command("load_demo", stdout=devnull)
    editor = get_user_model().objects.create_superuser("editora", "e@example.mx", "clave-larga-123")
    client.force_login(editor)
    index = ResourceIndexPage.objects.get()
    for path in (f"/admin/pages/{index.pk}/", "/admin/recursos/"):
        html = client.get(path).content.decode()
        assert 'placeholder="Buscar…"' in html and "Search…" not in html, path
        count = re.search(r"1-50 (\w+) \d+", html)
        assert count and count.group(1) == "de", path
