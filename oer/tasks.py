"""Background work of the repository app (django-tasks)."""

from django.db import transaction
from django_tasks import task
from wagtail.models import ReferenceIndex
from wagtail.search.backends import get_search_backends

from oer.models import ResourcePage


@task()
def update_admin_search_index(page_pks):
    """Add pages created in bulk to Wagtail's own index, which serves the admin's page search."""
    pages = list(ResourcePage.objects.filter(pk__in=page_pks).specific())
    by_class = {}
    for page in pages:
        by_class.setdefault(type(page), []).append(page)
    for backend in get_search_backends(with_auto_update=True):
        for cls, objs in by_class.items():
            backend.add_bulk(cls, objs)
    return len(pages)


@task()
def update_reference_index(page_pks):
    """Record what pages written in bulk link to, as Wagtail does after a page save; the admin
    shows it as the "usage" of the linked pages."""
    pages = list(ResourcePage.objects.filter(pk__in=page_pks).specific())
    with transaction.atomic():
        for page in pages:
            ReferenceIndex.create_or_update_for_object(page)
    return len(pages)
