"""Informes → Paquetes sin conexión: each grade's pack, its state, size, build time and last error."""

from django.core.exceptions import PermissionDenied
from django.urls import include, path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from oer import taxonomy
from oer.editorial.views import can_import

from .models import OfflinePack


def can_view(user):
    """Whoever may publish in /recursos/ (reviewers, administrators, superusers), as for importing."""
    return can_import(user)


def level_label(pack):
    return str(taxonomy.LEVELS.label(pack.level))


def size_label(pack):
    return pack.size_label if pack.size_bytes else ""


class PackReportView(ReportView):
    page_title = gettext_lazy("Paquetes sin conexión")
    header_icon = "download"
    permission_policy = None  # checked in dispatch: only who may publish
    index_url_name = "acervo_pack_report:index"
    index_results_url_name = "acervo_pack_report:results"
    model = OfflinePack
    verbose_name_plural = gettext_lazy("paquetes")
    export_filename = "paquetes-sin-conexion"
    list_export = ["level", "grade", "get_status_display", "size_bytes", "built_at", "error"]
    export_headings = {
        "level": gettext_lazy("Nivel"),
        "grade": gettext_lazy("Grado"),
        "get_status_display": gettext_lazy("Estado"),
        "size_bytes": gettext_lazy("Tamaño (bytes)"),
        "built_at": gettext_lazy("Construido el"),
        "error": gettext_lazy("Error"),
    }
    columns = [
        Column("level", label=gettext_lazy("Nivel"), accessor=level_label),
        Column("grade", label=gettext_lazy("Grado")),
        Column("status", label=gettext_lazy("Estado"), accessor="get_status_display"),
        Column("size", label=gettext_lazy("Tamaño"), accessor=size_label),
        Column("built_at", label=gettext_lazy("Construido el")),
        Column("error", label=gettext_lazy("Error")),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not can_view(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return OfflinePack.objects.order_by("level", "grade")

    @cached_property
    def no_results_message(self):
        return _(
            "Aún no hay paquetes: el de un grado se prepara la primera vez que alguien abre su página "
            "(/recursos/<nivel>/<grado>/)."
        )


class PackReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view(request.user)


urls = (
    [
        path("", PackReportView.as_view(), name="index"),
        path("resultados/", PackReportView.as_view(results_only=True), name="results"),
    ],
    "acervo_pack_report",
)


def url_patterns():
    return [path("paquetes/", include(urls))]


def menu_item():
    return PackReportMenuItem(
        gettext_lazy("Paquetes sin conexión"),
        reverse("acervo_pack_report:index"),
        name="offline-packs",
        icon_name="download",
        order=940,
    )
