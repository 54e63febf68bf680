"""The xAPI backlog as a Wagtail report: statements waiting for the LRS, what keeps failing and why."""

from django.urls import include, path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permissions import ModelPermissionPolicy

from acervo.admin_tables import next_attempt_column
from courses.xapi import outbox
from courses.xapi.models import XapiStatement

permission_policy = ModelPermissionPolicy(XapiStatement)


class XapiBacklogView(ReportView):
    page_title = _("Declaraciones xAPI pendientes")
    header_icon = "resubmit"
    index_url_name = "acervo_xapi_backlog:index"
    index_results_url_name = "acervo_xapi_backlog:results"
    permission_policy = permission_policy
    any_permission_required = ["view"]
    model = XapiStatement
    verbose_name_plural = _("declaraciones pendientes")
    list_export = ["id", "verb", "attempts", "created_at", "next_attempt_at", "last_error"]
    columns = [
        Column("verb", label=_("Verbo")),
        Column("id", label=_("Identificador")),
        Column("attempts", label=_("Intentos")),
        DateColumn("created_at", label=_("En espera desde")),
        next_attempt_column(),
        Column("last_error", label=_("Último error")),
    ]

    def get_queryset(self):
        # What keeps failing first, then the oldest.
        return outbox.pending().order_by("-attempts", "next_attempt_at", "created_at")

    @cached_property
    def no_results_message(self):
        return _("No hay declaraciones pendientes: el LRS ya recibió todas.")


class XapiBacklogMenuItem(MenuItem):
    def is_shown(self, request):
        return permission_policy.user_has_permission(request.user, "view")


backlog_urls = (
    [
        path("", XapiBacklogView.as_view(), name="index"),
        path("resultados/", XapiBacklogView.as_view(results_only=True), name="results"),
    ],
    "acervo_xapi_backlog",
)


def register():
    """Called once from the app's ready(): the report's URLs and its entry in the Reports menu."""

    @hooks.register("register_admin_urls")
    def register_backlog_urls():
        return [path("xapi-pendientes/", include(backlog_urls))]

    @hooks.register("register_reports_menu_item")
    def register_backlog_menu_item():
        return XapiBacklogMenuItem(
            _("Declaraciones xAPI pendientes"),
            reverse("acervo_xapi_backlog:index"),
            name="xapi-backlog",
            icon_name="resubmit",
            order=910,
        )
