"""Informes → Búsquedas: what people search for, and what finds nothing, over the last days.

Editors, reviewers and administrators see it (whoever works in /recursos/ or /cursos/). Figures
come from the aggregated search log (`search.query_log`): no person is ever in them.
"""

from datetime import timedelta
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_filters import ChoiceFilter
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, NumberColumn
from wagtail.admin.views.reports import ReportView
from wagtail.contrib.search_promotions.views import CreateView as PromotionCreateView

from courses.report.views import can_view as works_in_courses
from oer.editorial.views import can_edit_resources

from .models import SearchQueryLog

PERIODS = [
    ("7", gettext_lazy("Últimos 7 días")),
    ("30", gettext_lazy("Últimos 30 días")),
    ("90", gettext_lazy("Últimos 90 días")),
]
DEFAULT_PERIOD = "30"
ZERO_ONLY = "zero"


def can_view(user):
    """Whoever works in /recursos/ or /cursos/: Editores, Revisores, Administradores, superusers."""
    return can_edit_resources(user) or works_in_courses(user)


def can_promote(user):
    return user.has_perm("wagtailsearchpromotions.add_searchpromotion")


def zero_share(row):
    """Share of the query's searches that found nothing, in percent with one decimal."""
    return round(100 * row["zero_results"] / row["searches"], 1) if row["searches"] else 0.0


class LinkColumn(Column):
    """A link in a cell, or an empty cell when the row has nowhere to go."""

    cell_template_name = "search/admin/link_cell.html"

    def __init__(self, name, get_url, **kwargs):
        super().__init__(name, **kwargs)
        self.get_url = get_url

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["link_url"] = self.get_url(instance)
        return context


class SearchLogFilterSet(WagtailFilterSet):
    # The period is applied by the view, so that a missing or mistyped one still means 30 days.
    period = ChoiceFilter(
        label=gettext_lazy("Periodo"), choices=PERIODS, empty_label=None, method=lambda queryset, name, value: queryset
    )
    show = ChoiceFilter(
        label=gettext_lazy("Mostrar"),
        choices=[(ZERO_ONLY, gettext_lazy("Solo búsquedas sin resultados"))],
        empty_label=gettext_lazy("Todas las búsquedas"),
        method="filter_show",
    )

    class Meta:
        model = SearchQueryLog
        fields = []

    def filter_show(self, queryset, name, value):
        if value == ZERO_ONLY:
            return queryset.filter(zero_results__gt=0).order_by("-zero_results", "-searches", "query")
        return queryset


class SearchQueryReportView(ReportView):
    page_title = gettext_lazy("Búsquedas")
    header_icon = "search"
    permission_policy = None  # checked in dispatch: editors of the site
    index_url_name = "acervo_search_report:index"
    index_results_url_name = "acervo_search_report:results"
    model = SearchQueryLog
    filterset_class = SearchLogFilterSet
    verbose_name_plural = gettext_lazy("búsquedas")
    export_filename = "busquedas"
    list_export = ["query", "searches", "zero_results", "zero_percent"]
    export_headings = {
        "query": gettext_lazy("Búsqueda"),
        "searches": gettext_lazy("Búsquedas"),
        "zero_results": gettext_lazy("Sin resultados"),
        "zero_percent": gettext_lazy("Sin resultados (%)"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not can_view(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def columns(self):
        columns = [
            Column("query", label=gettext_lazy("Búsqueda")),
            NumberColumn("searches", label=gettext_lazy("Búsquedas")),
            NumberColumn("zero_results", label=gettext_lazy("Sin resultados")),
            Column("zero_share", label=gettext_lazy("Sin resultados (%)"), accessor=lambda row: f"{zero_share(row)} %"),
        ]
        if can_promote(self.request.user):
            columns.append(
                LinkColumn(
                    "promote",
                    label=gettext_lazy("Promoción"),
                    accessor=lambda row: _("Promocionar un resultado"),
                    get_url=lambda row: promotion_url(row["query"]) if row["zero_results"] else None,
                )
            )
        return columns

    @cached_property
    def days(self):
        filters = self.filters
        if filters is not None and filters.is_valid() and filters.form.cleaned_data.get("period"):
            return int(filters.form.cleaned_data["period"])
        return int(DEFAULT_PERIOD)

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        if "period" not in kwargs["data"]:
            kwargs["data"] = kwargs["data"].copy()
            kwargs["data"]["period"] = DEFAULT_PERIOD
        return kwargs

    def get_queryset(self):
        since = timezone.localdate() - timedelta(days=self.days - 1)
        return (
            SearchQueryLog.objects.filter(day__gte=since)
            .values("query")
            .annotate(searches=Sum("searches"), zero_results=Sum("zero_results"))
            .order_by("-searches", "query")
        )

    def to_row_dict(self, item):
        item["zero_percent"] = zero_share(item)
        return super().to_row_dict(item)

    @cached_property
    def no_results_message(self):
        return _(
            "No hay búsquedas registradas en este periodo. Se cuentan las búsquedas con texto en /buscar/ "
            "y en la API de búsqueda."
        )


def promotion_url(text):
    return f"{reverse('acervo_search_report:promote')}?{urlencode({'query_string': text})}"


class PrefilledPromotionCreateView(PromotionCreateView):
    """Wagtail's "add promoted result" form with the query already typed, from a report row."""

    def get_initial(self):
        return {**super().get_initial(), "query_string": self.request.GET.get("query_string", "")[:255]}


class SearchQueryReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view(request.user)


urls = (
    [
        path("", SearchQueryReportView.as_view(), name="index"),
        path("resultados/", SearchQueryReportView.as_view(results_only=True), name="results"),
        path("promocionar/", PrefilledPromotionCreateView.as_view(), name="promote"),
    ],
    "acervo_search_report",
)
