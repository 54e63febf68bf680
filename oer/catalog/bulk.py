"""Bulk creation of published resource pages, for catalogue imports of many thousands of lines.

Creating pages one by one through Wagtail (add_child, save_revision, publish) costs dozens of
queries each; an import instead computes tree paths itself and inserts each table's rows in
batches, while still leaving what Wagtail expects: a revision per page as its live revision,
the parent's child count, create/publish entries in the audit log, the admin search index and,
for what is filled in once every page exists (`update_created`), the reference index.
"""

import json
import uuid
from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db import connections, router, transaction
from django.db.models import CharField, F, OuterRef, Subquery
from django.db.models.functions import Cast
from django.utils import timezone
from modelcluster.models import get_all_child_m2m_relations, get_all_child_relations, get_serializable_data_for_fields
from wagtail.models import Page, PageLogEntry, Revision

from oer.models import ResourcePage
from oer.tasks import update_admin_search_index, update_reference_index

INSERT_BATCH = 200
UPDATE_BATCH = 2000


def create_published(parent, pages, user=None):
    """Insert new (unsaved) specific resource pages as published children of `parent`."""
    if not pages:
        return []
    using = router.db_for_write(Page)
    # Lock the parent so two imports never hand out the same tree paths.
    parent = Page.objects.select_for_update().get(pk=parent.pk)
    last = parent.get_last_child()
    first_step = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
    now = timezone.now()
    page_type = ContentType.objects.get_for_model(Page)

    for offset, page in enumerate(pages):
        page.path = Page._get_path(parent.path, parent.depth + 1, first_step + offset)
        page.depth = parent.depth + 1
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.locale_id = parent.locale_id
        page.translation_key = uuid.uuid4()
        page.content_type = ContentType.objects.get_for_model(page)
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.last_published_at = page.latest_revision_created_at = now
        page.draft_title = page.title
        page.owner = user
        if page.resource_type:
            page.kind = page.resource_type

    base_rows = [
        Page(**{f.attname: getattr(page, f.attname) for f in Page._meta.concrete_fields if not f.primary_key})
        for page in pages
    ]
    Page.objects.bulk_create(base_rows, batch_size=INSERT_BATCH)
    by_class = defaultdict(list)
    for page, row in zip(pages, base_rows, strict=True):
        page.id = row.pk
        page.page_ptr_id = row.pk
        setattr(page, type(page)._meta.pk.attname, row.pk)
        page._state.adding = False
        by_class[type(page)].append(page)

    _insert_rows(ResourcePage, pages, using)
    for cls, objs in by_class.items():
        _insert_rows(cls, objs, using)

    revisions = [
        Revision(
            content_type=page.content_type,
            base_content_type=page_type,
            object_id=str(page.pk),
            user=user,
            object_str=page.title,
            content=_new_page_content(page),
            created_at=now,
        )
        for page in pages
    ]
    Revision.objects.bulk_create(revisions, batch_size=INSERT_BATCH)
    for page, revision in zip(pages, revisions, strict=True):
        page.live_revision_id = page.latest_revision_id = revision.pk
    # Each new page points at its one revision: one UPDATE with a lookup per row (indexed on
    # base content type and object id) instead of a CASE per row.
    pks = [page.pk for page in pages]
    revision = (
        Revision.objects.filter(base_content_type=page_type, object_id=Cast(OuterRef("pk"), CharField()))
        .order_by("-pk")
        .values("pk")[:1]
    )
    for start in range(0, len(pks), UPDATE_BATCH):
        Page.objects.filter(pk__in=pks[start : start + UPDATE_BATCH]).update(
            live_revision_id=Subquery(revision), latest_revision_id=Subquery(revision)
        )
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    # Page saves keep Wagtail's admin search index current (as a background task); bulk rows
    # are handed to the same kind of task once the import has committed.
    transaction.on_commit(lambda: update_admin_search_index.enqueue(pks))

    PageLogEntry.objects.bulk_create(
        [
            PageLogEntry(
                content_type=page.content_type,
                page_id=page.pk,
                label=page.title,
                action=action,
                user=user,
                timestamp=now,
                data={},
                revision_id=page.live_revision_id,
                content_changed=True,
            )
            for page in pages
            for action in ("wagtail.create", "wagtail.publish")
        ],
        batch_size=INSERT_BATCH,
    )
    return pages


def update_created(model, field_name, values):
    """Set one field of pages that `create_published` inserted earlier in this transaction, in
    their rows and in their one revision, as if it had been set before they were created.

    `values` maps page pks to the field's new value. This is for what can only be known once
    every page of an import exists (links to pages further on in the file); a second revision
    per page would instead double the import's work and every page's history for nothing.
    """
    if not values:
        return
    using = router.db_for_write(model)
    field = model._meta.get_field(field_name)
    pks = list(values)
    for start in range(0, len(pks), UPDATE_BATCH):
        chunk = pks[start : start + UPDATE_BATCH]
        # What Wagtail would store: the field's own serialisation, block ids assigned once, here,
        # so that the row and the revision agree.
        pages = [model(pk=pk, **{field.attname: values[pk]}) for pk in chunk]
        serialised = {page.pk: field.value_to_string(page) for page in pages}
        _update_rows(field, [(pk, field.to_python(json.loads(text))) for pk, text in serialised.items()], using)
        revisions = Revision.objects.filter(pk__in=Page.objects.filter(pk__in=chunk).values("latest_revision_id"))
        contents = []
        for pk, object_id, content in revisions.values_list("pk", "object_id", "content"):
            content[field.name] = serialised[int(object_id)]
            contents.append((pk, content))
        _update_rows(Revision._meta.get_field("content"), contents, using)
    # A page save records what the page links to (the admin's "usage" of the linked pages);
    # rows written in bulk are handed to a task that does the same once the import commits.
    transaction.on_commit(lambda: update_reference_index.enqueue(pks))


def _update_rows(field, values, using):
    """Set `field` of many rows, given as (pk, value): one UPDATE that the database driver runs
    for every row, without the CASE per row that QuerySet.bulk_update builds in Python."""
    connection = connections[using]
    quote = connection.ops.quote_name
    table = field.model._meta
    sql = f"UPDATE {quote(table.db_table)} SET {quote(field.column)} = %s WHERE {quote(table.pk.column)} = %s"
    with connection.cursor() as cursor:
        cursor.executemany(sql, [(field.get_db_prep_save(value, connection), pk) for pk, value in values])


def _new_page_content(page):
    """What `page.serializable_data()` returns for a page that has no children yet, without a
    query per child relation to find that out."""
    content = get_serializable_data_for_fields(page)
    for relation in get_all_child_relations(page):
        content[relation.get_accessor_name()] = []
    for field in get_all_child_m2m_relations(page):
        if field.serialize:
            content[field.name] = []
    return content


def _insert_rows(model, objs, using):
    fields = model._meta.local_concrete_fields
    for start in range(0, len(objs), INSERT_BATCH):
        model._base_manager._insert(objs[start : start + INSERT_BATCH], fields=fields, using=using)
