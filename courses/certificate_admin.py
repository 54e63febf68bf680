"""Certificates in the Wagtail admin (Cursos → Certificados): find one by code, name or course, and revoke it.

Only people who may publish in /cursos/ (reviewers, administrators, superusers) see the section.
Certificates are never created, edited or deleted here: issuing is the completion rule's job, and
revocation goes through courses.credentials.revocation like the `revoke_certificate` command.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import GroupPagePermission, Page
from wagtail.permission_policies.base import BasePermissionPolicy

from courses.credentials.revocation import RevocationError, revoke
from courses.models import Certificate, CourseIndexPage

ALLOWED_ACTIONS = {"view", "change"}


def can_publish_courses(user):
    """Who may publish in /cursos/ may also revoke what the courses issued."""
    if not (user and user.is_active):
        return False
    section = CourseIndexPage.objects.first() or Page.get_first_root_node()
    return section is not None and section.permissions_for_user(user).can_publish_subpage()


class CertificatePermissionPolicy(BasePermissionPolicy):
    """Listing and revoking ("change") for course publishers; nobody adds or deletes certificates."""

    def user_has_permission(self, user, action):
        return action in ALLOWED_ACTIONS and can_publish_courses(user)

    def user_has_any_permission(self, user, actions):
        return bool(ALLOWED_ACTIONS & set(actions)) and can_publish_courses(user)

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True)
        if not ALLOWED_ACTIONS & set(actions):
            return users.none()
        section = CourseIndexPage.objects.first() or Page.get_first_root_node()
        publishers = GroupPagePermission.objects.filter(
            page__in=section.get_ancestors(inclusive=True), permission__codename="publish_page"
        ).values("group")
        return users.filter(Q(is_superuser=True) | Q(groups__in=publishers)).distinct()


def status_label(certificate):
    if certificate.revoked_at is None:
        return _("Vigente")
    return _("Revocada el %(date)s") % {
        "date": date_format(timezone.localtime(certificate.revoked_at), "SHORT_DATE_FORMAT")
    }


class RevokeCertificateView(generic.EditView):
    """The certificate's "edit" view is its revocation: one field, the reason, published with it."""

    page_title = gettext_lazy("Revocar certificado")
    submit_button_label = gettext_lazy("Revocar")
    submit_button_active_label = gettext_lazy("Revocando…")
    success_message = gettext_lazy("Certificado %(object)s revocado.")
    error_message = gettext_lazy("No se pudo revocar el certificado.")

    def get_initial(self):
        return {"revocation_reason": ""}

    def is_valid(self, form):
        valid = form.is_valid()
        if valid:
            try:
                self.revoked = revoke(self.object.code, form.cleaned_data["revocation_reason"], user=self.request.user)
            except RevocationError as exc:
                form.add_error("revocation_reason", str(exc))
                valid = False
        if not valid:
            self.produced_error_code = "validation_error"
            self.produced_error_message = self.get_error_message()
        return valid

    def save_instance(self):
        return self.revoked

    def get_success_buttons(self):
        return []


class CertificateViewSet(ModelViewSet):
    model = Certificate
    icon = "tick-inverse"
    menu_label = gettext_lazy("Certificados")
    menu_order = 310
    add_to_admin_menu = True
    url_prefix = "certificados"
    name = "certificados"
    copy_view_enabled = False
    edit_view_class = RevokeCertificateView
    panels = [
        FieldPanel(
            "revocation_reason",
            heading=gettext_lazy("Motivo de la revocación"),
            help_text=gettext_lazy("Se publica en la página de verificación. La revocación no se puede deshacer."),
        )
    ]
    list_display = [
        TitleColumn("code", label=gettext_lazy("Folio"), url_name="certificados:edit"),
        Column("course_title", label=gettext_lazy("Curso")),
        Column("holder_name", label=gettext_lazy("Titular")),
        Column("issued_at", label=gettext_lazy("Emitido"), sort_key="issued_at"),
        Column("status", label=gettext_lazy("Estado"), accessor=status_label),
    ]
    search_fields = ["code", "holder_name", "course_title"]
    search_backend_name = None
    ordering = ["-issued_at", "-pk"]

    def get_permissions_to_register(self):
        # Access follows page publishing rights (CertificatePermissionPolicy), not model permissions.
        return Permission.objects.none()


certificate_viewset = CertificateViewSet()
