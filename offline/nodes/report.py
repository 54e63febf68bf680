"""Informes → Nodos: each source this node mirrors, with its last sync and how it went."""

from django.core.exceptions import PermissionDenied
from django.urls import include, path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from oer.editorial.views import can_import

from .models import SyncRun, SyncSource

SUMMARY_COUNTS = [
    ("identifiers", gettext_lazy("identificadores")),
    ("created", gettext_lazy("nuevos")),
    ("updated", gettext_lazy("actualizados")),
    ("retired", gettext_lazy("retirados")),
    ("files", gettext_lazy("archivos")),
    ("courses", gettext_lazy("cursos")),
]


def can_view(user):
    """Whoever may publish in /recursos/ (reviewers, administrators, superusers), as for importing."""
    return can_import(user)


def last_run(source):
    return source.last_run


def run_status(source):
    run = source.last_run
    return run.get_status_display() if run else _("Nunca")


def run_summary(source):
    run = source.last_run
    if run is None:
        return ""
    if run.error:
        return run.error
    return ", ".join(f"{run.counts.get(key, 0)} {label}" for key, label in SUMMARY_COUNTS)


def run_time(source, field):
    run = source.last_run
    return getattr(run, field) if run else None


class NodeReportView(ReportView):
    page_title = gettext_lazy("Nodos: sincronización")
    header_icon = "resubmit"
    permission_policy = None  # checked in dispatch: only who may publish
    index_url_name = "acervo_node_report:index"
    index_results_url_name = "acervo_node_report:results"
    model = SyncSource
    verbose_name_plural = gettext_lazy("fuentes")
    export_filename = "sincronizaciones"
    list_export = ["url", "level", "last_datestamp", "status", "summary"]
    export_headings = {
        "url": gettext_lazy("Fuente"),
        "level": gettext_lazy("Nivel"),
        "last_datestamp": gettext_lazy("Cosechado hasta"),
        "status": gettext_lazy("Resultado"),
        "summary": gettext_lazy("Detalle"),
    }
    columns = [
        Column("url", label=gettext_lazy("Fuente")),
        Column("level", label=gettext_lazy("Nivel")),
        Column("started", label=gettext_lazy("Última sincronización"), accessor=lambda s: run_time(s, "started")),
        Column("finished", label=gettext_lazy("Terminó"), accessor=lambda s: run_time(s, "finished")),
        Column("status", label=gettext_lazy("Resultado"), accessor=run_status),
        Column("summary", label=gettext_lazy("Detalle"), accessor=run_summary),
        Column("last_datestamp", label=gettext_lazy("Cosechado hasta")),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not can_view(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return SyncSource.objects.order_by("url", "level")

    def decorate_paginated_queryset(self, object_list):
        rows = list(object_list)
        runs = {}
        for run in SyncRun.objects.filter(source__in=rows).order_by("source_id", "-started", "-id"):
            runs.setdefault(run.source_id, run)
        for source in rows:
            source.__dict__["last_run"] = runs.get(source.pk)
            source.status = run_status(source)
            source.summary = run_summary(source)
        return object_list

    @cached_property
    def no_results_message(self):
        return _("Este nodo aún no se ha sincronizado con ningún Acervo: python manage.py sync_from URL.")


class NodeReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view(request.user)


urls = (
    [
        path("", NodeReportView.as_view(), name="index"),
        path("resultados/", NodeReportView.as_view(results_only=True), name="results"),
    ],
    "acervo_node_report",
)


def url_patterns():
    return [path("nodos/", include(urls))]


def menu_item():
    return NodeReportMenuItem(
        gettext_lazy("Nodos"), reverse("acervo_node_report:index"), name="nodes", icon_name="resubmit", order=930
    )
