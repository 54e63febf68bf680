"""The file problems report in Wagtail's admin (Informes → Archivos): failed downloads and failed readings.

One page holds both: downloads that failed or wait for a retry (the paginated listing) and, below
them, the stored files that could not be read. Each has its own CSV/XLSX export; the readings also
have a page of their own for when they do not fit in the section. The reports show who may publish
in /recursos/, the same people who may import a catalogue (see docs/comandos.md, `ingest_files`).
"""

from django.core.exceptions import PermissionDenied
from django.urls import include, path, reverse, reverse_lazy
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, Table, TitleColumn
from wagtail.admin.views.reports import ReportView

from media.models import StoredFile
from oer.editorial.views import can_import
from oer.models import ResourcePage

from . import api
from .ingest import MAX_FETCH_ATTEMPTS
from .models import FileFetch

RETRY_COMMAND = "python manage.py ingest_files --retry-failed"
# Failed readings listed under the downloads; the rest are on the readings' own page.
READINGS_SHOWN = 20


def can_view(user):
    """Reviewers, administrators and superusers: whoever may publish in /recursos/ (as for importing)."""
    return can_import(user)


def _edit_url(page_id):
    return reverse("wagtailadmin_pages:edit", args=[page_id])


def next_attempt(fetch):
    """The next attempt in local time (it lies ahead, which relative dates hide), or that none will come."""
    if fetch.status == FileFetch.Status.FAILED:
        return _("sin más reintentos")
    return date_format(localtime(fetch.next_attempt_at), "SHORT_DATETIME_FORMAT")


def failed_readings():
    return StoredFile.objects.filter(read_status=StoredFile.ReadStatus.FAILED).order_by("-read_at", "-id")


def with_resources(stored_files):
    """Give each stored file the resources using it (`resources`: (title, edit URL)), in one query."""
    by_file = {}
    pks = [stored.pk for stored in stored_files]
    rows = (
        ResourcePage.objects.filter(stored_file_id__in=pks)
        .order_by("title")
        .values_list("stored_file_id", "pk", "title")
    )
    for stored_id, page_id, title in rows:
        by_file.setdefault(stored_id, []).append((title, _edit_url(page_id)))
    for stored in stored_files:
        stored.resources = by_file.get(stored.pk, [])
        stored.resource_titles = [title for title, _url in stored.resources]
    return stored_files


class ResourcesColumn(Column):
    """Links to every resource that uses the row's stored file (set by with_resources)."""

    cell_template_name = "oer/files/resources_cell.html"


FETCH_COLUMNS = [
    TitleColumn(
        "resource",
        label=gettext_lazy("Recurso"),
        accessor="resource.title",
        get_url=lambda fetch: _edit_url(fetch.resource_id),
    ),
    Column("url", label=gettext_lazy("URL")),
    Column("attempts", label=gettext_lazy("Intentos")),
    Column("next_attempt_at", label=gettext_lazy("Próximo intento"), accessor=next_attempt),
    Column("last_error", label=gettext_lazy("Motivo")),
]
READING_COLUMNS = [
    TitleColumn("file", label=gettext_lazy("Archivo"), accessor="__str__", get_url=lambda stored: stored.url),
    Column("size_label", label=gettext_lazy("Tamaño")),
    Column("read_error", label=gettext_lazy("Motivo")),
    ResourcesColumn("resources", label=gettext_lazy("Recursos que lo usan")),
]


class FileReportPermission:
    """Only those who may publish in /recursos/ see file problems (a 403 for everyone else)."""

    permission_policy = None

    def dispatch(self, request, *args, **kwargs):
        if not can_view(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class FileReportView(FileReportPermission, ReportView):
    """Downloads that failed or wait for their next attempt, and below them the failed readings."""

    page_title = gettext_lazy("Archivos")
    header_icon = "doc-full"
    template_name = "oer/files/report.html"
    index_url_name = "acervo_file_report:index"
    index_results_url_name = "acervo_file_report:results"
    model = FileFetch
    verbose_name_plural = gettext_lazy("descargas con problemas")
    export_filename = "descargas-con-problemas"
    list_export = [
        "resource.title",
        "resource.external_id",
        "url",
        "attempts",
        "get_status_display",
        "next_attempt_at",
        "last_error",
    ]
    export_headings = {
        "resource.title": gettext_lazy("Recurso"),
        "resource.external_id": gettext_lazy("Identificador en el catálogo"),
        "get_status_display": gettext_lazy("Estado"),
        "last_error": gettext_lazy("Motivo"),
    }
    columns = FETCH_COLUMNS

    def get_queryset(self):
        # What will not be retried first, then what comes next.
        return api.failed_fetches().select_related("resource").order_by("-attempts", "next_attempt_at", "id")

    @cached_property
    def no_results_message(self):
        return _("Ninguna descarga ha fallado: cada archivo en cola se descargó o espera su primer intento.")

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        if self.results_only or self.is_export:
            return context
        readings = failed_readings()
        shown = with_resources(list(readings[:READINGS_SHOWN]))
        readings_url = reverse("acervo_file_report:readings")
        context.update(
            readings_table=Table(READING_COLUMNS, shown) if shown else None,
            readings_count=readings.count() if len(shown) == READINGS_SHOWN else len(shown),
            readings_url=readings_url,
            readings_csv_url=f"{readings_url}?export=csv",
            readings_xlsx_url=f"{readings_url}?export=xlsx",
            retry_command=RETRY_COMMAND,
            max_attempts=MAX_FETCH_ATTEMPTS,
        )
        return context


class FailedReadingsReportView(FileReportPermission, ReportView):
    """Every stored file that could not be read, with its reason and the resources that use it."""

    page_title = gettext_lazy("Archivos: lecturas fallidas")
    header_icon = "doc-full"
    index_url_name = "acervo_file_report:readings"
    index_results_url_name = "acervo_file_report:readings_results"
    breadcrumbs_items = ReportView.breadcrumbs_items + [
        {"url": reverse_lazy("acervo_file_report:index"), "label": gettext_lazy("Archivos")},
    ]
    model = StoredFile
    verbose_name_plural = gettext_lazy("lecturas fallidas")
    export_filename = "lecturas-fallidas"
    list_export = ["__str__", "sha256", "size_bytes", "read_error", "resource_titles"]
    export_headings = {
        "__str__": gettext_lazy("Archivo"),
        "read_error": gettext_lazy("Motivo"),
        "resource_titles": gettext_lazy("Recursos que lo usan"),
    }
    columns = READING_COLUMNS

    def get_queryset(self):
        return failed_readings()

    def decorate_paginated_queryset(self, object_list):
        # In place, as Wagtail's own reports do: the table reads the same (cached) rows.
        with_resources(list(object_list))
        return object_list

    @cached_property
    def no_results_message(self):
        return _("Ninguna lectura ha fallado: cada archivo guardado se leyó o espera su turno.")


class FileReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view(request.user)


urls = (
    [
        path("", FileReportView.as_view(), name="index"),
        path("resultados/", FileReportView.as_view(results_only=True), name="results"),
        path("lecturas/", FailedReadingsReportView.as_view(), name="readings"),
        path("lecturas/resultados/", FailedReadingsReportView.as_view(results_only=True), name="readings_results"),
    ],
    "acervo_file_report",
)


def url_patterns():
    return [path("archivos/", include(urls))]


def menu_item():
    return FileReportMenuItem(
        gettext_lazy("Archivos"), reverse("acervo_file_report:index"), name="files", icon_name="doc-full", order=910
    )
