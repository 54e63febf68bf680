"""Applying one page of harvested identifiers: fetch their records and changed files, import, retire.

Records go through the catalogue importer (oer.catalog.importer), so a mirrored record is
validated exactly like an imported one; files are fetched only when their digest is new here.
"""

import json
import os
import tempfile
from urllib.parse import urlencode

from django.utils.translation import gettext as _

from media.formats import FORMATS, HEAD_BYTES, sniff
from oer.catalog.record import ACCEPTED_FIELDS, week_references
from oer.models import ResourcePage

from .client import SyncError

RECORDS_PATH = "/nodos/recursos.json"
FILE_PATH = "/recursos/{slug}/archivo"
# Request lines over 4 KB are refused by common servers (gunicorn); ids go in several requests if needed.
MAX_QUERY_CHARS = 3000
# /nodos/recursos.json answers up to 200, but records carry their vectors (about 1.4 KB of JSON per
# book page): 25 textbooks of 300 pages stay near 11 MB, well under the client's response cap.
MAX_IDS_PER_REQUEST = 25


def apply_page(client, headers, counts, with_files=False):
    """Write the page's live records and retire its deleted ones; SyncError leaves the caller to roll back."""
    from oer.catalog.importer import import_file

    live = [header.external_id for header in headers if not header.deleted]
    deleted = [header.external_id for header in headers if header.deleted]
    records = fetch_records(client, live)
    counts["records"] += len(records)
    if records:
        with tempfile.TemporaryDirectory(prefix="acervo-sync-") as folder:
            if with_files:
                fetch_changed_files(client, records, folder, counts)
            path = os.path.join(folder, "registros.jsonl")
            write_records(path, records, counts)
            report = import_file(path, files_dir=folder)
            if not report.ok:
                raise SyncError(record_errors(report, records))
            counts["created"] += report.created
            counts["updated"] += report.updated
            counts["unchanged"] += report.unchanged
            counts["vectors"] += accept_vectors(records)
    counts["retired"] += retire(deleted)


def accept_vectors(records):
    """Keep the source's vectors of the records just written, and reindex those records with them."""
    from search.embeddings.exchange import accept
    from search.indexing import enqueue

    offered = {record["external_id"]: record.get("vectors") for record in records if record.get("vectors")}
    stored, pks = 0, []
    for page in ResourcePage.objects.live().filter(external_id__in=list(offered)).specific():
        count = accept(page, offered[page.external_id])
        if count:
            stored += count
            pks.append(page.pk)
    enqueue(pks)
    return stored


def id_groups(external_ids, max_query=MAX_QUERY_CHARS):
    """The ids in groups whose query string stays short enough for any server's request line."""
    group, length = [], 0
    for external_id in external_ids:
        size = len(urlencode({"id": external_id})) + 1
        if group and (length + size > max_query or len(group) >= MAX_IDS_PER_REQUEST):
            yield group
            group, length = [], 0
        group.append(external_id)
        length += size
    if group:
        yield group


def fetch_records(client, external_ids):
    records = []
    for group in id_groups(external_ids):
        data = client.get_json(RECORDS_PATH, {"id": group})
        page = data.get("records") if isinstance(data, dict) else None
        if not isinstance(page, list) or not all(isinstance(record, dict) for record in page):
            raise SyncError(_("La respuesta de %(path)s no trae una lista de registros.") % {"path": RECORDS_PATH})
        records.extend(page)
    asked = set(external_ids)
    for record in records:
        if record.get("external_id") not in asked:
            raise SyncError(
                _("%(path)s devolvió un registro que no se pidió: «%(id)s».")
                % {"path": RECORDS_PATH, "id": str(record.get("external_id"))[:80]}
            )
    # A record retired between the listing and this request is missing: the next harvest retires it.
    return records


def fetch_changed_files(client, records, folder, counts):
    """Download the file of each record whose digest this node does not hold for that resource yet."""
    ids = [record["external_id"] for record in records if record.get("sha256")]
    held = dict(
        ResourcePage.objects.filter(external_id__in=ids, stored_file__isnull=False).values_list(
            "external_id", "stored_file__sha256"
        )
    )
    for number, record in enumerate(records):
        digest = record.get("sha256")
        if not digest or held.get(record["external_id"]) == digest:
            continue
        slug = record.get("slug")
        if not isinstance(slug, str) or not slug or "/" in slug:
            raise SyncError(_("El registro «%(id)s» no trae un slug válido.") % {"id": record["external_id"]})
        temporary = os.path.join(folder, f"descarga-{number}")
        counts["file_bytes"] += client.download(FILE_PATH.format(slug=slug), temporary)
        counts["files"] += 1
        # The importer checks the name's extension against the content: name it after what it is.
        with open(temporary, "rb") as handle:
            fmt = FORMATS.get(sniff(handle.read(HEAD_BYTES)))
        name = f"{slug}.{fmt.extensions[0] if fmt else 'bin'}"
        os.rename(temporary, os.path.join(folder, name))
        record["file"] = name


def write_records(path, records, counts):
    """The records as an import file; weekly-plan links to resources this node lacks are left out."""
    known = set(
        ResourcePage.objects.filter(
            external_id__in=[ref for record in records for ref in week_references(record.get("week"))]
        ).values_list("external_id", flat=True)
    ) | {record["external_id"] for record in records}
    with open(path, "w", encoding="utf-8") as handle:
        for record in records:
            clean = {key: value for key, value in record.items() if key in ACCEPTED_FIELDS}
            if "file" not in clean:
                clean.pop("sha256", None)
            week = clean.get("week")
            if isinstance(week, dict) and isinstance(week.get("days"), list):
                counts["links_skipped"] += _drop_unknown_links(week, known)
            handle.write(json.dumps(clean, ensure_ascii=False) + "\n")


def _drop_unknown_links(week, known):
    dropped = 0
    for day in week["days"]:
        for activity in day.get("activities") or [] if isinstance(day, dict) else []:
            refs = activity.get("resources") if isinstance(activity, dict) else None
            if isinstance(refs, list):
                kept = [ref for ref in refs if ref in known]
                dropped += len(refs) - len(kept)
                activity["resources"] = kept
    return dropped


def record_errors(report, records):
    lines = []
    for line, field, reason in report.errors:
        external_id = records[line - 1]["external_id"] if 0 < line <= len(records) else "?"
        lines.append(
            _("recurso «%(id)s»: %(field)s: %(reason)s") % {"id": external_id, "field": field, "reason": reason}
        )
    return _("Registros rechazados; no se escribió esta página:") + "\n" + "\n".join(lines)


def retire(external_ids):
    """Unpublish the local resources the source deleted or retired; return how many were live."""
    retired = 0
    for page in ResourcePage.objects.filter(external_id__in=external_ids).live().specific():
        page.unpublish(log_action=True)
        retired += 1
    return retired
