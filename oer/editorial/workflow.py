"""Putting an editorial section (/recursos/, /cursos/) under the review workflow at run time."""

from django.apps import apps

from . import roles


def assign_editorial_workflow(section_page):
    """Assign "Revisión editorial" to a section page and grant Editores/Revisores rights in it.

    Idempotent; returns True when it assigned, False when the section already had a workflow.
    Call it right after creating a section's index page.
    """
    return roles.grant_section(apps, section_page.pk)
