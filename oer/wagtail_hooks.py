"""What oer adds to the Wagtail admin: the resource listing, catalogue import, bulk review, log actions,
the file problems report; and its answer to media's question whether an asset's captions are public."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter

from oer.editorial import urls as editorial_urls
from oer.editorial.bulk_actions import SubmitForReviewBulkAction
from oer.editorial.importing import IMPORT_ACTION
from oer.editorial.listing import resource_listing_viewset
from oer.editorial.views import can_import
from oer.files import report as file_report
from oer.visibility import media_asset_withheld


@hooks.register("acervo_media_asset_withheld")
def withhold_media_of_hidden_resources(asset_id):
    """Caption tracks of an asset only unpublished or restricted resources use are not public."""
    return media_asset_withheld(asset_id)


@hooks.register("register_admin_viewset")
def register_resource_listing():
    return resource_listing_viewset


@hooks.register("register_admin_urls")
def register_editorial_urls():
    return [path("importar-catalogo/", include(editorial_urls, namespace="oer_editorial"))]


class CatalogImportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_import(request.user)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return CatalogImportMenuItem(_("Importar catálogo"), reverse("oer_editorial:import"), icon_name="upload", order=160)


hooks.register("register_admin_urls", file_report.url_patterns)
hooks.register("register_reports_menu_item", file_report.menu_item)
hooks.register("register_bulk_action", SubmitForReviewBulkAction)


@hooks.register("register_log_actions")
def register_editorial_log_actions(actions):
    @actions.register_action(IMPORT_ACTION)
    class CatalogImported(LogFormatter):
        label = _("Importar catálogo")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            return _(
                "Catálogo «%(file)s» importado: %(created)s creados, %(updated)s actualizados, "
                "%(unchanged)s sin cambios"
            ) % {
                "file": data.get("file", "?"),
                "created": data.get("created", 0),
                "updated": data.get("updated", 0),
                "unchanged": data.get("unchanged", 0),
            }
