"""Shared fixtures: the page skeleton, catalogue files and a command runner."""

import io
import json
import os
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.factories import CatalogRecordFactory

CHROMIUM = os.environ.get("ACERVO_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium through Playwright, one for the whole run (Playwright allows one per thread)."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium no está instalado en {CHROMIUM} (apt-get install chromium)")
    # Playwright's sync API runs its own event loop; Django must allow ORM calls beside it.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import Error, sync_playwright

    try:
        with sync_playwright() as playwright:
            try:
                chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            except Error as exc:
                pytest.skip(f"Chromium no pudo arrancar: {exc}")
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(autouse=True)
def fresh_caches():
    """Each test starts with an empty cache and no course plans: ids freed by a rollback get reused."""
    from django.core.cache import cache

    from courses import plan

    cache.clear()
    plan.reset()


@pytest.fixture(autouse=True)
def wagtail_baseline(request):
    """Transactional tests end by flushing every table, rows from data migrations included.

    Tests that run after one (live-server, concurrency) get back what the migrations create:
    Wagtail's locale, root page and root collection, and the editorial roles. This is the one way
    they are restored: no test uses serialized rollback, whose snapshot would clash with these rows.
    """
    marker = request.node.get_closest_marker("django_db")
    transactional = marker and (marker.kwargs.get("transaction") or (marker.args and marker.args[0]))
    if not (transactional or {"transactional_db", "live_server"} & set(request.fixturenames)):
        return
    request.getfixturevalue("transactional_db")
    from django.apps import apps
    from django.conf import settings
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Collection, Locale, Page

    from oer.editorial import roles

    Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root"))
    roles.create_roles(apps)
    roles.grant_search_promotions(apps)


@pytest.fixture
def site_structure(db):
    from oer.site import ensure_site_structure

    return ensure_site_structure()


@pytest.fixture
def write_catalog(tmp_path):
    """Write records (dicts, or raw strings for broken lines) to a .jsonl file."""

    def write(records, name="catalogo.jsonl"):
        path = tmp_path / name
        with open(path, "w", encoding="utf-8") as handle:
            for record in records:
                line = record if isinstance(record, str) else json.dumps(record, ensure_ascii=False)
                handle.write(line + "\n")
        return path

    return write


class CommandResult:
    def __init__(self, code, stdout, stderr):
        self.code, self.stdout, self.stderr = code, stdout, stderr


@pytest.fixture
def run_command(db):
    """Run a management command as a user would and capture exit code and output."""

    def run(*args):
        out, err = io.StringIO(), io.StringIO()
        try:
            call_command(*args, stdout=out, stderr=err)
            code = 0
        except CommandError as exc:
            err.write(str(exc))
            code = exc.returncode
        return CommandResult(code, out.getvalue(), err.getvalue())

    return run


@pytest.fixture
def record_factory():
    return CatalogRecordFactory


# Suites whose outcome does not depend on the suite's database engine: CI runs them once, on SQLite.
# (The SQLite and S3 backup tests run their own SQLite instances whatever DATABASE_URL says.)
ENGINE_AGNOSTIC_FOLDERS = (
    "tests/offline/",
    "tests/courses/xapi/",
    "tests/operations/test_backup_sqlite.py",
    "tests/operations/test_backup_s3.py",
)


def pytest_collection_modifyitems(config, items):
    """Browser tests are `e2e`; they and the engine-agnostic suites are `single_db` (run once in CI)."""
    for item in items:
        path = item.path.as_posix()
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.e2e)
            item.add_marker(pytest.mark.single_db)
        elif any(f"/{folder}" in path for folder in ENGINE_AGNOSTIC_FOLDERS):
            item.add_marker(pytest.mark.single_db)
