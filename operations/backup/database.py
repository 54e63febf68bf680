"""The configured database as backup and restore see it: its engine, and whether it holds anything yet."""

from dataclasses import dataclass

from django.db import connection
from django.utils.translation import gettext as _

from operations.backup import postgresql, sqlite
from operations.backup.errors import BackupError

ENGINES = {"sqlite": sqlite, "postgresql": postgresql}
# What `migrate` leaves in a new database: Wagtail's root page and its welcome page.
FRESH_PAGES = 2


def engine_name():
    if connection.vendor not in ENGINES:
        raise BackupError(
            _("Motor de base de datos no soportado: %(vendor)s (solo SQLite y PostgreSQL).")
            % {"vendor": connection.vendor}
        )
    return connection.vendor


def engine():
    """The module (sqlite or postgresql) that dumps and restores the configured database."""
    return ENGINES[engine_name()]


@dataclass(frozen=True)
class Contents:
    users: int
    extra_pages: int

    @property
    def empty(self):
        return not self.users and not self.extra_pages


def contents():
    """Users and pages beyond a fresh `migrate`; a database without tables holds nothing."""
    from django.contrib.auth import get_user_model
    from wagtail.models import Page

    tables = set(connection.introspection.table_names())
    if get_user_model()._meta.db_table not in tables or Page._meta.db_table not in tables:
        return Contents(0, 0)
    return Contents(get_user_model().objects.count(), max(0, Page.objects.count() - FRESH_PAGES))
