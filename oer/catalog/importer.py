"""Import a catalogue file: validate every line first, then write all of it or nothing."""

from dataclasses import dataclass, field

from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Page

from media.stored_files import Digest, store_path
from oer.files import api as files_api
from oer.files.record_files import check_record_file
from oer.models import ResourcePage, WeeklyPlanPage
from oer.progress import no_progress
from oer.site import ensure_site_structure

from . import bulk, formats, mapping, signals
from .record import validate_record, week_references

BATCH_SIZE = 500


@dataclass
class ImportReport:
    total: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list = field(default_factory=list)  # (line number, field, reason)
    files: dict = field(default_factory=dict)  # external id -> CheckedFile, checked before writing
    stored_new: int = 0  # files copied into storage by this import (same bytes are never copied twice)
    fetches: int = 0  # downloads queued for the background worker

    @property
    def ok(self):
        return not self.errors

    def error_lines(self):
        return [
            _("línea %(line)d: %(field)s: %(reason)s") % {"line": n, "field": f, "reason": r} for n, f, r in self.errors
        ]


def validate_file(path, report, progress=no_progress, files_dir=None):
    """First pass: check every line and every file; remember only ids, types and checked files."""
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
            report.errors.append(
                (
                    line_number,
                    "external_id",
                    _("repetido: ya aparece en la línea %(n)d") % {"n": seen[record["external_id"]][0]},
                )
            )
            continue
        seen[record["external_id"]] = (line_number, record["type"])
        if data.get("file") is not None and not errors:
            checked, problem = check_record_file(files_dir, data["file"], record["type"], data.get("sha256"))
            if problem:
                report.errors.append((line_number, "file", problem))
            else:
                report.files[record["external_id"]] = checked
        references.extend((line_number, ref) for ref in week_references(record["week"]))

    existing_types = dict(ResourcePage.objects.values_list("external_id", "kind"))
    for external_id, (line_number, kind) in seen.items():
        if external_id in existing_types and kind and existing_types[external_id] != kind:
            report.errors.append(
                (
                    line_number,
                    "type",
                    _("el recurso ya existe como «%(old)s» y no puede cambiar a «%(new)s»")
                    % {"old": existing_types[external_id], "new": kind},
                )
            )
    for line_number, ref in references:
        if ref not in seen and ref not in existing_types:
            report.errors.append((line_number, "week", _("el recurso vinculado «%(ref)s» no existe") % {"ref": ref}))
    if report.total == 0:
        report.errors.append((0, "archivo", _("el archivo está vacío")))
    report.errors.sort(key=lambda error: error[0])
    return report


def import_file(path, *, dry_run=False, user=None, progress=no_progress, files_dir=None, fetch=False):
    """Validate then (unless dry_run) write every record in one transaction.

    `files_dir`: the folder the records' `file` paths are relative to. `fetch`: queue a download of
    each `file_url` of a resource that holds no file yet, for the background worker.
    """
    report = validate_file(path, ImportReport(), progress=progress, files_dir=files_dir)
    if not report.ok or dry_run:
        return report
    writer = _Writer(user, report.files, fetch)
    try:
        _write_all(path, writer, report, progress)
    except BaseException:
        writer.discard_new_files()
        raise
    # Imported resources should be searchable at once; failures stay queued for a retry.
    from search.indexing import drain

    drain()
    return report


def _write_all(path, writer, report, progress):
    with transaction.atomic():
        batch = []
        for _line, data in progress(
            formats.iter_records(path), total=report.total, desc=_("Importando"), unit=_(" recursos")
        ):
            record, _errors = validate_record(data)
            batch.append(record)
            if len(batch) >= BATCH_SIZE:
                writer.write_batch(batch, report)
                batch = []
        if batch:
            writer.write_batch(batch, report)
        writer.link_weekly_plans()
        writer.enqueue_indexing()
        signals.send_after_commit([*writer.created, *writer.changed])
        if report.stored_new or report.fetches:
            files_api.kick_worker()


class _Writer:
    def __init__(self, user, files=None, fetch=False):
        self.user = user
        self.files = files or {}
        self.fetch = fetch
        self.stored = {}  # sha256 -> StoredFile already stored by this import
        self.new_keys = []  # storage keys this import wrote, removed again if it fails
        self.index = ensure_site_structure()
        self.sibling_slugs = set(Page.objects.child_of(self.index).values_list("slug", flat=True))
        self.plans = {}  # page pk -> week of plans written in this import
        self.plans_to_publish = {}  # pk -> changed existing plan, published once its links are known
        self.created = []  # pks created in bulk, which send no publish signals
        self.changed = []  # pks of existing pages this import published again
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
            stored = self.store_file(record["external_id"], report)
            if page is None:
                page = mapping.new_page(record)
                mapping.apply_record(page, record)
                page.stored_file = stored
                page.slug = self.unique_slug(record["title"], record["external_id"])
                new_pages.append(page)
                report.created += 1
            elif (
                mapping.page_to_record(page, self._ids_for(page)) == record
                and (stored is None or page.stored_file_id == stored.pk)
                and page.live
                and not page.has_unpublished_changes
            ):
                report.unchanged += 1
            else:
                mapping.apply_record(page, record)
                if stored is not None:
                    page.stored_file = stored
                if record["type"] == "weekly_plan" and week_references(record["week"]):
                    # Its links may point further on in the file: published once they are resolved.
                    self.plans_to_publish[page.pk] = page
                else:
                    self._publish(page)
                report.updated += 1
        bulk.create_published(self.index, new_pages, user=self.user)
        self.created.extend(page.pk for page in new_pages)
        if self.fetch:
            self.schedule_fetches([*existing.values(), *new_pages], records, report)
        weeks = {record["external_id"]: record["week"] for record in records if record["type"] == "weekly_plan"}
        for page in [*existing.values(), *new_pages]:
            if page.external_id in weeks:
                self.plans[page.pk] = weeks[page.external_id]

    def store_file(self, external_id, report):
        """Copy a checked file into storage by content (once per distinct bytes); None without one."""
        checked = self.files.get(external_id)
        if checked is None:
            return None
        if checked.sha256 not in self.stored:
            stored, created = store_path(
                checked.path,
                checked.name,
                checked.categories,
                digest=Digest(checked.sha256, checked.size),
                checked=True,
            )
            if created:
                self.new_keys.append(stored.file.name)
                report.stored_new += 1
            self.stored[checked.sha256] = stored
        return self.stored[checked.sha256]

    def schedule_fetches(self, pages, records, report):
        """Queue a download of file_url for each resource of the batch that holds no file, or whose
        file came from a download of another URL than the record names now."""
        urls = {record["external_id"]: record["file_url"] for record in records if record["file_url"]}
        fetched = files_api.fetched_urls(page.pk for page in pages if page.external_id in urls)
        for page in pages:
            url = urls.get(page.external_id)
            if not url or page.external_id in self.files:
                continue
            if page.stored_file_id is None or fetched.get(page.pk, url) != url:
                report.fetches += int(files_api.schedule_fetch(page, url))

    def discard_new_files(self):
        """The import failed after copying files: remove the bytes nothing points at any more."""
        for key in self.new_keys:
            try:
                default_storage.delete(key)
            except Exception:  # media_check reports what could not be removed
                pass

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
        self.changed.append(page.pk)
        revision = page.save_revision(user=self.user, log_action=True, clean=False)
        revision.publish(user=self.user, skip_permission_checks=True)

    def enqueue_indexing(self):
        """Bulk-created pages skip Wagtail's publish signals, so queue them for search here."""
        from search import indexing

        if self.created:
            indexing.enqueue(self.created, "index")

    def link_weekly_plans(self):
        """Weekly plans may link resources defined later in the same file; resolve them last.

        Plans that link nothing got their days when they were written. Plans created by this
        import take their days in bulk, into their row and their only revision; a plan that
        already existed gets one new revision, here, when it or its days change.
        """
        weeks = {pk: week for pk, week in self.plans.items() if week_references(week)}
        if not weeks:
            return
        pks = mapping.lookup_pks(ref for week in weeks.values() for ref in week_references(week))
        days = {pk: mapping.week_to_days(week, pks) for pk, week in weeks.items()}
        created = set(self.created)
        bulk.update_created(WeeklyPlanPage, "days", {pk: value for pk, value in days.items() if pk in created})
        existing = {pk: value for pk, value in days.items() if pk not in created}
        # Changed plans held back by write_batch, plus plans whose only change is where a link points.
        pending = dict(self.plans_to_publish)
        unchanged = {pk: value for pk, value in existing.items() if pk not in pending}
        for page in mapping.plans_with_other_days(unchanged):
            pending[page.pk] = page
        for pk, page in pending.items():
            page.days = existing[pk]
            self._publish(page)
