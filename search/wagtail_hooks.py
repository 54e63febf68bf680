"""What search adds to the Wagtail admin: the indexing queue report."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

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
    return [path("cola-de-indexacion/", include(queue_urls))]


@hooks.register("register_reports_menu_item")
def register_queue_menu_item():
    return IndexQueueMenuItem(
        _("Cola de indexación"), reverse("acervo_search_queue:index"), name="index-queue", icon_name="search", order=900
    )
