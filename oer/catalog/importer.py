"""Import a catalogue file: validate every line first, then write all of it or nothing."""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Page

from oer.models import ResourcePage
from oer.site import ensure_site_structure

from . import bulk, formats, mapping
from .record import validate_record, week_references

BATCH_SIZE = 500


@dataclass
class ImportReport:
    total: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list = field(default_factory=list)  # (line number, field, reason)

    @property
    def ok(self):
        return not self.errors

    def error_lines(self):
        return [_("línea %(line)d: %(field)s: %(reason)s") % {"line": n, "field": f, "reason": r}
                for n, f, r in self.errors]


def _noop_progress(iterable, **kwargs):
    return iterable


def validate_file(path, report, progress=_noop_progress):
    """First pass: check every line; remember only ids and types, never whole records."""
    seen = {}
    references = []  # (line, external id) of weekly-plan links, checked once all ids are known
    for line_number, data in progress(formats.iter_records(path), desc=_("Validando"), unit=_(" líneas")):
        report.total += 1
        if isinstance(data, formats.LineError):
            report.errors.append((line_number, "registro", str(data)))
            continue
        record, errors = validate_record(data)
        for field_name, reason in errors:
            report.errors.append((line_number, field_name, reason))
        if record is None or not record["external_id"]:
            continue
        if record["external_id"] in seen:
            report.errors.append((line_number, "external_id", _("repetido: ya aparece en la línea %(n)d") % {"n": seen[record["external_id"]][0]}))
            continue
        seen[record["external_id"]] = (line_number, record["type"])
        references.extend((line_number, ref) for ref in week_references(record["week"]))

    existing_types = dict(ResourcePage.objects.values_list("external_id", "kind"))
    for external_id, (line_number, kind) in seen.items():
        if external_id in existing_types and kind and existing_types[external_id] != kind:
            report.errors.append((line_number, "type", _("el recurso ya existe como «%(old)s» y no puede cambiar a «%(new)s»") % {"old": existing_types[external_id], "new": kind}))
    for line_number, ref in references:
        if ref not in seen and ref not in existing_types:
            report.errors.append((line_number, "week", _("el recurso vinculado «%(ref)s» no existe") % {"ref": ref}))
    if report.total == 0:
        report.errors.append((0, "archivo", _("el archivo está vacío")))
    report.errors.sort(key=lambda error: error[0])
    return report


def import_file(path, *, dry_run=False, user=None, progress=_noop_progress):
    """Validate then (unless dry_run) write every record in one transaction."""
    report = validate_file(path, ImportReport(), progress=progress)
    if not report.ok or dry_run:
        return report
    with transaction.atomic():
        writer = _Writer(user)
        batch = []
        for _line, data in progress(formats.iter_records(path), total=report.total, desc=_("Importando"), unit=_(" recursos")):
            record, _errors = validate_record(data)
            batch.append(record)
            if len(batch) >= BATCH_SIZE:
                writer.write_batch(batch, report)
                batch = []
        if batch:
            writer.write_batch(batch, report)
        writer.link_weekly_plans()
        writer.enqueue_indexing()
    # Imported resources should be searchable at once; failures stay queued for a retry.
    from search.indexing import drain

    drain()
    return report


class _Writer:
    def __init__(self, user):
        self.user = user
        self.index = ensure_site_structure()
        self.sibling_slugs = set(Page.objects.child_of(self.index).values_list("slug", flat=True))
        self.plans = {}  # page pk -> week of plans written in this import
        self.created = []  # pks created in bulk, which send no publish signals
        self._external_ids = None

    def unique_slug(self, title, external_id):
        base = slugify(title)[:70].strip("-") or "recurso"
        slug = base
        if slug in self.sibling_slugs:
            slug = f"{base}-{slugify(external_id.replace(':', '-'))[-40:]}".strip("-")
        counter = 2
        while slug in self.sibling_slugs:
            slug = f"{base}-{counter}"
            counter += 1
        self.sibling_slugs.add(slug)
        return slug

    def write_batch(self, records, report):
        ids = [record["external_id"] for record in records]
        existing = {page.external_id: page for page in ResourcePage.objects.filter(external_id__in=ids).specific()}
        new_pages = []
        for record in records:
            page = existing.get(record["external_id"])
            if page is None:
                page = mapping.new_page(record)
                mapping.apply_record(page, record)
                page.slug = self.unique_slug(record["title"], record["external_id"])
                new_pages.append(page)
                report.created += 1
            elif mapping.page_to_record(page, self._ids_for(page)) == record and page.live and not page.has_unpublished_changes:
                report.unchanged += 1
            else:
                mapping.apply_record(page, record)
                self._publish(page)
                report.updated += 1
        bulk.create_published(self.index, new_pages, user=self.user)
        self.created.extend(page.pk for page in new_pages)
        weeks = {record["external_id"]: record["week"] for record in records if record["type"] == "weekly_plan"}
        for page in [*existing.values(), *new_pages]:
            if page.external_id in weeks:
                self.plans[page.pk] = weeks[page.external_id]

    def _ids_for(self, page):
        """External ids by pk, to compare a stored plan's links with the record's.

        Read once: a stored plan only links pages that existed before this import started.
        """
        if page.resource_type != "weekly_plan":
            return {}
        if self._external_ids is None:
            self._external_ids = dict(ResourcePage.objects.values_list("pk", "external_id"))
        return self._external_ids

    def _publish(self, page):
        revision = page.save_revision(user=self.user, log_action=True, clean=False)
        revision.publish(user=self.user, skip_permission_checks=True)

    def enqueue_indexing(self):
        """Bulk-created pages skip Wagtail's publish signals, so queue them for search here."""
        from search import indexing

        if self.created:
            indexing.enqueue(self.created, "index")

    def link_weekly_plans(self):
        """Weekly plans may link resources defined later in the same file; resolve them last."""
        if not self.plans:
            return
        pks = dict(ResourcePage.objects.values_list("external_id", "pk"))
        for page in ResourcePage.objects.filter(pk__in=self.plans).specific():
            days = mapping.week_to_days(self.plans[page.pk], pks)
            if page.days.raw_data != days:
                page.days = days
                self._publish(page)
