"""Admin views of the catalogue import: upload and check, then confirm (all or nothing)."""

import os

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import View
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from oer.models import ResourceIndexPage

from . import importing
from .forms import CatalogUploadForm, ConfirmImportForm

SESSION_KEY = "acervo_catalog_import"
MAX_REPORTED_ERRORS = 500


def can_import(user):
    """Importing publishes, so only people who may publish in /recursos/ may import."""
    # Read-only on purpose: this runs for every admin menu, which must never create pages.
    section = ResourceIndexPage.objects.first() or Page.get_first_root_node()
    return section.permissions_for_user(user).can_publish_subpage()


def works_in_section(user, section):
    """Editors, reviewers and administrators of a section: anyone who may add, edit or publish pages there."""
    if not (user and user.is_active) or section is None:
        return False
    permissions = section.permissions_for_user(user)
    return permissions.can_add_subpage() or permissions.can_edit() or permissions.can_publish_subpage()


def can_edit_resources(user):
    """Whoever works in /recursos/ (Editores, Revisores, Administradores, superusers)."""
    return works_in_section(user, ResourceIndexPage.objects.first() or Page.get_first_root_node())


class CatalogImportView(WagtailAdminTemplateMixin, View):
    page_title = gettext_lazy("Importar catálogo")
    header_icon = "upload"
    template_name = "oer/editorial/import.html"
    breadcrumbs_items = WagtailAdminTemplateMixin.breadcrumbs_items + [
        {"url": reverse_lazy("recursos:index"), "label": gettext_lazy("Recursos")},
        {"url": "", "label": gettext_lazy("Importar catálogo")},
    ]

    def dispatch(self, request, *args, **kwargs):
        if not can_import(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def render(self, status=200, **context):
        return self.render_to_response(self.get_context_data(**context), status=status)

    def get(self, request):
        # Coming back here (or "Cancelar") abandons any upload waiting for confirmation.
        self._forget_pending()
        return self.render(form=CatalogUploadForm())

    def post(self, request):
        form = CatalogUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render(status=400, form=form)
        uploaded = form.cleaned_data["catalog"]
        name = os.path.basename(uploaded.name)[:200]
        self._forget_pending()
        token = importing.stash_upload(uploaded, uploaded.suffix)
        path = importing.stashed_path(token, uploaded.suffix)
        result = importing.preview(path)
        if not result.report.ok:
            importing.discard(token, uploaded.suffix)
            return self.render_report(result.report, name, form=CatalogUploadForm())
        request.session[SESSION_KEY] = {"token": token, "suffix": uploaded.suffix, "name": name}
        return self.render(preview=result, file_name=name, confirm_form=ConfirmImportForm(initial={"token": token}))

    def render_report(self, report, name, **context):
        lines = report.error_lines()
        return self.render(
            errors=lines[:MAX_REPORTED_ERRORS],
            hidden_errors=max(0, len(lines) - MAX_REPORTED_ERRORS),
            error_count=len(lines),
            total=report.total,
            file_name=name,
            **context,
        )

    def _forget_pending(self):
        pending = self.request.session.pop(SESSION_KEY, None)
        if pending:
            importing.discard(pending.get("token"), pending.get("suffix"))


class ConfirmCatalogImportView(CatalogImportView):
    http_method_names = ["post"]

    def post(self, request):
        form = ConfirmImportForm(request.POST)
        pending = request.session.get(SESSION_KEY) or {}
        path = None
        if form.is_valid() and form.cleaned_data["token"] == pending.get("token"):
            path = importing.stashed_path(pending["token"], pending.get("suffix"))
        if path is None:
            self._forget_pending()
            messages.error(
                request, _("No hay una importación pendiente de confirmar, o ya caducó. Vuelve a subir el archivo.")
            )
            return self.render(status=400, form=CatalogUploadForm())

        report = importing.run_import(path, user=request.user, file_name=pending["name"])
        self._forget_pending()
        if not report.ok:
            # The catalogue changed since the preview (for example a type conflict); nothing was written.
            return self.render_report(report, pending["name"], form=CatalogUploadForm())
        messages.success(
            request,
            _(
                "Catálogo «%(name)s» importado: %(created)d creados, %(updated)d actualizados, "
                "%(unchanged)d sin cambios."
            )
            % {
                "name": pending["name"],
                "created": report.created,
                "updated": report.updated,
                "unchanged": report.unchanged,
            },
        )
        return redirect(reverse("recursos:index"))
