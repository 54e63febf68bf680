"""What courses adds to the Wagtail admin: the certificates section, where publishers revoke, and the course report."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter
from wagtail.permissions import register_permission_policy

from courses.certificate_admin import CertificatePermissionPolicy, certificate_viewset
from courses.credentials.revocation import LOG_ACTION
from courses.models import Certificate
from courses.packages import admin as course_import
from courses.report import views as course_report

register_permission_policy(Certificate, CertificatePermissionPolicy(Certificate))


hooks.register("register_admin_urls", course_report.url_patterns)
hooks.register("register_reports_menu_item", course_report.menu_item)
hooks.register("register_admin_urls", course_import.url_patterns)
hooks.register("register_admin_menu_item", course_import.menu_item)


@hooks.register("register_admin_viewset")
def register_certificate_viewset():
    return certificate_viewset


@hooks.register("register_log_actions")
def register_certificate_log_actions(actions):
    @actions.register_action(LOG_ACTION)
    class CertificateRevoked(LogFormatter):
        label = _("Revocar certificado")

        def format_message(self, log_entry):
            return _("Certificado revocado. Motivo: %(reason)s") % {"reason": (log_entry.data or {}).get("reason", "")}
