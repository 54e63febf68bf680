"""The editorial roles (groups), their permissions and the review workflow, defined once.

Every function takes an `apps` registry so the data migration (historical models) and the
running site (`django.apps.apps`) build exactly the same thing.
"""

import swapper
from django.contrib.auth.management import create_permissions

EDITORS = "Editores"
REVIEWERS = "Revisores"
ADMINISTRATORS = "Administradores"
GROUPS = (EDITORS, REVIEWERS, ADMINISTRATORS)

WORKFLOW_NAME = "Revisión editorial"
REVIEW_TASK_NAME = "Aprobación de Revisores"

# Page permissions granted on each editorial section (/recursos/, /cursos/). Editors lack
# "publish", so everything they write must go through the review workflow.
SECTION_PAGE_PERMISSIONS = {
    EDITORS: ("add", "change", "lock"),
    REVIEWERS: ("add", "change", "publish", "lock", "unlock"),
}
# Administrators manage the whole tree, not only the sections.
SITE_PAGE_PERMISSIONS = {
    ADMINISTRATORS: ("add", "change", "publish", "bulk_delete", "lock", "unlock"),
}

_EDITOR_MEDIA = ("add_image", "choose_image", "add_document", "choose_document")
_REVIEWER_MEDIA = _EDITOR_MEDIA + ("change_image", "change_document")
COLLECTION_PERMISSIONS = {
    EDITORS: _EDITOR_MEDIA,
    REVIEWERS: _REVIEWER_MEDIA,
    ADMINISTRATORS: _REVIEWER_MEDIA + ("delete_image", "delete_document"),
}

_ACCESS_ADMIN = ("wagtailadmin", "admin", "access_admin")
MODEL_PERMISSIONS = {
    EDITORS: (_ACCESS_ADMIN,),
    REVIEWERS: (_ACCESS_ADMIN,),
    ADMINISTRATORS: (
        _ACCESS_ADMIN,
        ("auth", "user", "add_user"),
        ("auth", "user", "change_user"),
        ("auth", "user", "delete_user"),
        ("auth", "group", "add_group"),
        ("auth", "group", "change_group"),
        ("wagtailcore", "workflow", "add_workflow"),
        ("wagtailcore", "workflow", "change_workflow"),
        ("wagtailcore", "task", "add_task"),
        ("wagtailcore", "task", "change_task"),
    ),
}

_MEDIA_MODELS = {"image": "wagtailimages", "document": "wagtaildocs"}

# Promoted search results change what everyone sees at once, like publishing: reviewers and
# administrators manage them. Granted by search's migration, which runs after Wagtail's own.
SEARCH_PROMOTION_GROUPS = (REVIEWERS, ADMINISTRATORS)
SEARCH_PROMOTION_PERMISSIONS = ("add_searchpromotion", "change_searchpromotion", "delete_searchpromotion")


def _ensure_permissions(apps):
    # Django creates permissions only after all migrations; create the ones we grant now.
    for label in ("auth", "wagtailadmin", "wagtailcore", "wagtailimages", "wagtaildocs"):
        _create_permissions(apps, label)


def _create_permissions(apps, label):
    app_config = apps.get_app_config(label)
    previous = getattr(app_config, "models_module", None)
    app_config.models_module = previous or True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = previous


def _permission(apps, app_label, model, codename):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label=app_label, content_type__model=model, codename=codename)


def _page_permission(apps, action):
    app_label, model = swapper.get_model_name("wagtailcore", "Page").split(".")
    return _permission(apps, app_label, model.lower(), f"{action}_{model.lower()}")


def _grant_page_permissions(apps, group, page_id, actions):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    for action in actions:
        GroupPagePermission.objects.get_or_create(
            group=group, page_id=page_id, permission=_page_permission(apps, action)
        )


def create_roles(apps):
    """Create the three groups with their admin, media and site-wide permissions, and the workflow."""
    _ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Page = apps.get_model(swapper.get_model_name("wagtailcore", "Page"))

    groups = {name: Group.objects.get_or_create(name=name)[0] for name in GROUPS}
    for name, permissions in MODEL_PERMISSIONS.items():
        groups[name].permissions.add(*(_permission(apps, *spec) for spec in permissions))

    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        for name, codenames in COLLECTION_PERMISSIONS.items():
            for codename in codenames:
                model = codename.split("_", 1)[1]
                permission = _permission(apps, _MEDIA_MODELS[model], model, codename)
                GroupCollectionPermission.objects.get_or_create(
                    group=groups[name], collection=root_collection, permission=permission
                )

    root_page = Page.objects.filter(depth=1).first()
    if root_page is not None:
        for name, actions in SITE_PAGE_PERMISSIONS.items():
            _grant_page_permissions(apps, groups[name], root_page.pk, actions)

    editorial_workflow(apps)
    return groups


def grant_search_promotions(apps):
    """Let reviewers and administrators add, change and delete promoted search results."""
    _create_permissions(apps, "wagtailsearchpromotions")
    Group = apps.get_model("auth", "Group")
    permissions = [
        _permission(apps, "wagtailsearchpromotions", "searchpromotion", codename)
        for codename in SEARCH_PROMOTION_PERMISSIONS
    ]
    for name in SEARCH_PROMOTION_GROUPS:
        Group.objects.get_or_create(name=name)[0].permissions.add(*permissions)


def editorial_workflow(apps):
    """The "Revisión editorial" workflow: one approval task for reviewers (and administrators)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    if created:
        task_type, _created = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
        task = GroupApprovalTask.objects.create(name=REVIEW_TASK_NAME, content_type=task_type, active=True)
        task.groups.set([Group.objects.get_or_create(name=name)[0] for name in (REVIEWERS, ADMINISTRATORS)])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def grant_section(apps, page_id):
    """Put a section page under review and let editors and reviewers work inside it.

    Does nothing when the page already has a workflow of its own, so an administrator's later
    choice of workflow for that section is respected.
    """
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    if WorkflowPage.objects.filter(page_id=page_id).exists():
        return False
    Group = apps.get_model("auth", "Group")
    if not _has_page_permissions(apps):
        _ensure_permissions(apps)
    for name, actions in SECTION_PAGE_PERMISSIONS.items():
        _grant_page_permissions(apps, Group.objects.get_or_create(name=name)[0], page_id, actions)
    WorkflowPage.objects.create(page_id=page_id, workflow=editorial_workflow(apps))
    return True


def _has_page_permissions(apps):
    try:
        _page_permission(apps, "publish")
    except apps.get_model("auth", "Permission").DoesNotExist:
        return False
    return True
