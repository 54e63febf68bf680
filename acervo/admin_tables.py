"""Table columns shared by the admin reports of queues that retry (search indexing, xAPI sending)."""

from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column


def local_datetime(value):
    """A local date and time: a retry lies in the future, which Wagtail's relative dates do not show."""
    return date_format(localtime(value), "SHORT_DATETIME_FORMAT")


def next_attempt_column():
    return Column(
        "next_attempt_at", label=_("Próximo intento"), accessor=lambda row: local_datetime(row.next_attempt_at)
    )
