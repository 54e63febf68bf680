"""The editors' flat listing of every resource, with curriculum and status filters."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.ui.tables.pages import BulkActionsColumn, PageStatusColumn, PageTitleColumn
from wagtail.admin.viewsets.pages import PageListingViewSet

from oer import taxonomy
from oer.models import ResourcePage

from .filters import ResourceFilterSet


def _levels(page):
    return ", ".join(page.level_labels)


def _grades(page):
    return ", ".join(str(grade) for grade in page.grades)


def _fields(page):
    return ", ".join(page.field_labels)


def _joined(values):
    return ", ".join(str(value) for value in values or [])


class ResourceIndexView(PageListingViewSet.index_view_class):
    page_title = _("Recursos")
    list_export = ["external_id", "title", "kind", "levels", "grades", "fields", "live", "latest_revision_created_at"]
    # Lists are JSON in the database; a spreadsheet cell wants plain text.
    custom_field_preprocess = {name: {"csv": _joined, "xlsx": _joined} for name in ("levels", "grades", "fields")}


class ResourceListingViewSet(PageListingViewSet):
    model = ResourcePage
    icon = "doc-full-inverse"
    menu_label = _("Recursos")
    menu_order = 150
    add_to_admin_menu = True
    index_view_class = ResourceIndexView
    filterset_class = ResourceFilterSet
    columns = [
        BulkActionsColumn("bulk_actions"),
        PageTitleColumn("title", label=_("Título"), sort_key="title", classname="title"),
        Column(
            "kind", label=_("Tipo"), accessor=lambda page: taxonomy.RESOURCE_TYPES.label(page.kind), sort_key="kind"
        ),
        Column("levels", label=_("Nivel"), accessor=_levels),
        Column("grades", label=_("Grados"), accessor=_grades),
        Column("fields", label=_("Campo formativo"), accessor=_fields),
        DateColumn("latest_revision_created_at", label=_("Actualizado"), sort_key="latest_revision_created_at"),
        PageStatusColumn("status", label=_("Estado"), sort_key="live"),
    ]


resource_listing_viewset = ResourceListingViewSet("recursos")
