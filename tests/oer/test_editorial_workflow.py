"""Roles and moderation through the admin: editors submit, reviewers approve, publish and unpublish."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupApprovalTask, Page, PageLogEntry, WorkflowPage, WorkflowState

from oer.editorial import roles
from oer.editorial.workflow import assign_editorial_workflow
from oer.models import ResourcePage, TextbookPage
from tests.factories import TextbookPageFactory
from tests.oer.editorial_support import editor, reviewer, textbook_form

pytestmark = pytest.mark.django_db


def add_url(index):
    return reverse("wagtailadmin_pages:add", args=("oer", "textbookpage", index.pk))


def create_as(client, index, **data):
    response = client.post(add_url(index), textbook_form(slug="matematicas-3", **data))
    assert response.status_code == 302, getattr(response, "context", {}) and response.context["form"].errors
    return TextbookPage.objects.get(slug="matematicas-3")


def published_resource(index, **kwargs):
    page = TextbookPageFactory(parent=index, **kwargs)
    page.save_revision().publish()
    return TextbookPage.objects.get(pk=page.pk)


def test_the_three_editorial_groups_exist_and_can_enter_the_admin():
    for name in roles.GROUPS:
        group = Group.objects.get(name=name)
        assert group.permissions.filter(codename="access_admin").exists()
    assert (
        not Group.objects.get(name=roles.EDITORS).page_permissions.filter(permission__codename="publish_page").exists()
    )


def test_resource_section_is_reviewed_by_revisores(site_structure):
    assignment = WorkflowPage.objects.get(page=site_structure)
    assert assignment.workflow.name == roles.WORKFLOW_NAME
    task = GroupApprovalTask.objects.get(workflow_tasks__workflow=assignment.workflow)
    assert roles.REVIEWERS in set(task.groups.values_list("name", flat=True))
    resource = published_resource(site_structure)
    assert resource.get_workflow().name == roles.WORKFLOW_NAME


def test_assigning_a_section_twice_keeps_one_assignment(site_structure):
    assert assign_editorial_workflow(site_structure) is False
    assert WorkflowPage.objects.filter(page=site_structure).count() == 1


def test_a_new_section_gets_the_workflow_and_the_editors(site_structure):
    home = site_structure.get_parent()
    section = home.add_child(instance=Page(title="Cursos", slug="cursos"))
    assert assign_editorial_workflow(section) is True
    assert WorkflowPage.objects.get(page=section).workflow.name == roles.WORKFLOW_NAME
    codenames = set(
        Group.objects.get(name=roles.EDITORS)
        .page_permissions.filter(page=section)
        .values_list("permission__codename", flat=True)
    )
    assert codenames == {"add_page", "change_page", "lock_page"}


def test_editor_creates_a_resource_and_submits_it_for_review(site_structure):
    _user, client = editor()
    form = client.get(add_url(site_structure)).content.decode()
    assert 'name="action-submit"' in form
    assert 'name="action-publish"' not in form

    page = create_as(client, site_structure, **{"action-submit": "Enviar"})

    assert page.live is False
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == roles.WORKFLOW_NAME


def test_editor_cannot_publish_even_by_forging_the_publish_button(site_structure):
    _user, client = editor()
    page = create_as(client, site_structure, **{"action-publish": "Publicar"})
    assert page.live is False
    assert not PageLogEntry.objects.filter(page=page, action="wagtail.publish").exists()


def test_editor_edit_of_a_live_resource_stays_a_draft_until_review(site_structure):
    resource = published_resource(site_structure, title="Título publicado")
    _user, client = editor()
    data = textbook_form(
        title="Título corregido", slug=resource.slug, external_id=resource.external_id, **{"action-submit": "Enviar"}
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=(resource.pk,)), data)
    assert response.status_code == 302

    resource.refresh_from_db()
    assert resource.title == "Título publicado"  # what visitors see did not change
    assert resource.has_unpublished_changes
    assert resource.get_latest_revision_as_object().title == "Título corregido"
    assert resource.workflow_in_progress


def test_reviewer_sees_the_task_and_approving_publishes_it(site_structure):
    editor_user, editor_client = editor()
    page = create_as(editor_client, site_structure, **{"action-submit": "Enviar"})
    reviewer_user, client = reviewer()

    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert page.title in dashboard

    task_state = WorkflowState.objects.get(object_id=str(page.pk)).current_task_state
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk)), {"comment": "Listo"}
    )
    assert response.status_code in (200, 302)

    page.refresh_from_db()
    assert page.live is True
    actions = dict(PageLogEntry.objects.filter(page=page).values_list("action", "user"))
    assert actions["wagtail.workflow.approve"] == reviewer_user.pk
    assert actions["wagtail.publish"] == reviewer_user.pk
    assert actions["wagtail.workflow.start"] == editor_user.pk


def test_editor_sees_no_review_task_for_their_own_submission(site_structure):
    _user, editor_client = editor()
    page = create_as(editor_client, site_structure, **{"action-submit": "Enviar"})
    task_state = WorkflowState.objects.get(object_id=str(page.pk)).current_task_state
    editor_client.post(reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk)))
    page.refresh_from_db()
    assert page.live is False


def test_reviewer_unpublishes_and_the_audit_log_records_who(site_structure):
    resource = published_resource(site_structure)
    reviewer_user, client = reviewer()
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=(resource.pk,)))
    assert response.status_code == 302
    resource.refresh_from_db()
    assert resource.live is False
    entry = PageLogEntry.objects.get(page=resource, action="wagtail.unpublish")
    assert entry.user == reviewer_user

    # Another member of the team sees who unpublished it in the page's history.
    _editor, editor_client = editor()
    history = editor_client.get(reverse("wagtailadmin_pages:history", args=(resource.pk,))).content.decode()
    assert reviewer_user.username in history


def test_editor_cannot_unpublish(site_structure):
    resource = published_resource(site_structure)
    _user, client = editor()
    client.post(reverse("wagtailadmin_pages:unpublish", args=(resource.pk,)))
    resource.refresh_from_db()
    assert resource.live is True
    assert not PageLogEntry.objects.filter(page=resource, action="wagtail.unpublish").exists()


def test_reviewer_publishes_directly_from_the_editor(site_structure):
    reviewer_user, client = reviewer()
    page = create_as(client, site_structure, **{"action-publish": "Publicar"})
    assert page.live is True
    assert PageLogEntry.objects.get(page=page, action="wagtail.publish").user == reviewer_user


def test_revisions_can_be_compared(site_structure):
    resource = published_resource(site_structure, title="Primera versión")
    first = resource.live_revision
    resource.title = "Segunda versión"
    second = resource.save_revision()
    _user, client = reviewer()
    response = client.get(reverse("wagtailadmin_pages:revisions_compare", args=(resource.pk, first.pk, second.pk)))
    body = response.content.decode()
    assert '<span class="deletion">Primera</span><span class="addition">Segunda</span> versión' in body


def test_a_page_locked_by_one_editor_cannot_be_saved_by_another(site_structure):
    resource = published_resource(site_structure, title="Libro bloqueado")
    owner, owner_client = editor()
    owner_client.post(reverse("wagtailadmin_pages:lock", args=(resource.pk,)))
    resource.refresh_from_db()
    assert resource.locked and resource.locked_by == owner

    from tests.oer.editorial_support import member_of

    _other, other_client = member_of(roles.EDITORS, "otra-editora")
    data = textbook_form(title="Cambio no permitido", slug=resource.slug, external_id=resource.external_id)
    other_client.post(reverse("wagtailadmin_pages:edit", args=(resource.pk,)), data)
    assert ResourcePage.objects.get(pk=resource.pk).get_latest_revision_as_object().title == "Libro bloqueado"

    _user, reviewer_client = reviewer()
    reviewer_client.post(reverse("wagtailadmin_pages:unlock", args=(resource.pk,)))
    resource.refresh_from_db()
    assert not resource.locked
    assert PageLogEntry.objects.filter(page=resource, action="wagtail.lock", user=owner).exists()
