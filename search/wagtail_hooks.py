"""What search adds to the Wagtail admin: the indexing queue and searches reports, promoted results."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from search import query_report
from search.queue_report import IndexQueueMenuItem, IndexQueueReportView

queue_urls = (
    [
        path("", IndexQueueReportView.as_view(), name="index"),
        path("resultados/", IndexQueueReportView.as_view(results_only=True), name="results"),
    ],
    "acervo_search_queue",
)


@hooks.register("register_admin_urls")
def register_queue_urls():
    return [
        path("cola-de-indexacion/", include(queue_urls)),
        path("informes/busquedas/", include(query_report.urls)),
    ]


@hooks.register("register_reports_menu_item")
def register_queue_menu_item():
    return IndexQueueMenuItem(
        _("Cola de indexación"), reverse("acervo_search_queue:index"), name="index-queue", icon_name="search", order=900
    )


@hooks.register("register_reports_menu_item")
def register_search_report_menu_item():
    return query_report.SearchQueryReportMenuItem(
        _("Búsquedas"), reverse("acervo_search_report:index"), name="searches", icon_name="search", order=905
    )


@hooks.register("construct_reports_menu")
def hide_wagtail_search_terms(request, menu_items):
    # Wagtail's own "Search terms" report reads hits that Acervo does not log (Búsquedas does).
    menu_items[:] = [item for item in menu_items if item.name != "search-terms"]
