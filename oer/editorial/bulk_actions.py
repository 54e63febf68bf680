"""Bulk action of the resource listing: send many drafts to "Revisión editorial" at once."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.views.pages.bulk_actions.page_bulk_action import PageBulkAction


class SubmitForReviewBulkAction(PageBulkAction):
    display_name = _("Enviar a revisión")
    action_type = "submit_for_review"
    aria_label = _("Enviar las páginas seleccionadas a revisión")
    template_name = "oer/editorial/confirm_bulk_submit.html"
    action_priority = 30

    def check_perm(self, page):
        permissions = page.permissions_for_user(self.request.user)
        # Only pages with something unpublished are worth a reviewer's time.
        pending = page.has_unpublished_changes or not page.live
        return pending and permissions.can_edit() and permissions.can_submit_for_moderation()

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        submitted = 0
        for page in objects:
            page = page.specific
            workflow = page.get_workflow()
            if workflow is None or page.workflow_in_progress:
                continue
            workflow.start(page, user)
            submitted += 1
        return submitted, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(n)d página enviada a revisión.",
            "%(n)d páginas enviadas a revisión.",
            num_parent_objects,
        ) % {"n": num_parent_objects}
