"""The search indexing queue as a Wagtail report: what waits to be indexed, what keeps failing and why."""

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permissions import ModelPermissionPolicy

from acervo.admin_tables import next_attempt_column
from search.models import IndexQueueEntry

permission_policy = ModelPermissionPolicy(IndexQueueEntry)


class IndexQueueReportView(ReportView):
    page_title = _("Cola de indexación")
    header_icon = "search"
    index_url_name = "acervo_search_queue:index"
    index_results_url_name = "acervo_search_queue:results"
    permission_policy = permission_policy
    any_permission_required = ["view"]
    model = IndexQueueEntry
    verbose_name_plural = _("entradas en la cola")
    list_export = ["page_id", "action", "attempts", "created_at", "next_attempt_at", "last_error"]
    columns = [
        Column("page_id", label=_("Página")),
        Column("action", label=_("Acción"), accessor="get_action_display"),
        Column("attempts", label=_("Intentos")),
        DateColumn("created_at", label=_("En cola desde")),
        next_attempt_column(),
        Column("last_error", label=_("Último error")),
    ]

    def get_queryset(self):
        # What keeps failing first, then the oldest.
        return IndexQueueEntry.objects.order_by("-attempts", "next_attempt_at", "id")

    @cached_property
    def no_results_message(self):
        return _("La cola está vacía: todo lo publicado ya se puede buscar.")


class IndexQueueMenuItem(MenuItem):
    def is_shown(self, request):
        return permission_policy.user_has_permission(request.user, "view")
