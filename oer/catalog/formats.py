"""Reading and writing records as JSON Lines or CSV, one record at a time (streaming)."""

import csv
import json

from django.utils.translation import gettext as _

from acervo.spreadsheet_cells import inert, restored

from .record import ACCEPTED_FIELDS, EXPORT_FIELDS

# CSV cells: lists joined with " | ", structured values (captions, week) as JSON text.
LIST_FIELDS = ("levels", "grades", "fields", "subjects", "axes", "audience", "authors", "keywords", "accessibility")
JSON_FIELDS = ("captions", "week")
INT_FIELDS = ("year", "duration_seconds", "file_size_bytes", "page_count")
LIST_SEPARATOR = " | "


class LineError(Exception):
    """A line that could not even be parsed into a record."""


def record_to_csv_row(record):
    row = {}
    for field in EXPORT_FIELDS:
        value = record.get(field)
        if field in LIST_FIELDS:
            row[field] = LIST_SEPARATOR.join(str(item) for item in value or [])
        elif field in JSON_FIELDS:
            row[field] = json.dumps(value, ensure_ascii=False) if value else ""
        else:
            row[field] = "" if value is None else value
        row[field] = inert(row[field])
    return row


def csv_row_to_record(row):
    record = {}
    for field, cell in row.items():
        if field is None:
            raise LineError(_("la fila tiene más columnas que el encabezado"))
        cell = restored(cell or "").strip()
        if field in LIST_FIELDS:
            items = [item.strip() for item in cell.split("|") if item.strip()]
            if field == "grades":
                try:
                    items = [int(item) for item in items]
                except ValueError as exc:
                    raise LineError(_("grades: «%(cell)s» no son números") % {"cell": cell}) from exc
            record[field] = items
        elif field in JSON_FIELDS:
            try:
                record[field] = json.loads(cell) if cell else ([] if field == "captions" else None)
            except json.JSONDecodeError as exc:
                raise LineError(_("%(field)s: no es JSON válido") % {"field": field}) from exc
        elif field in INT_FIELDS:
            try:
                record[field] = int(cell) if cell else None
            except ValueError as exc:
                raise LineError(
                    _("%(field)s: «%(cell)s» no es un número entero") % {"field": field, "cell": cell}
                ) from exc
        else:
            record[field] = cell or None
    return record


def iter_records(path):
    """Yield (line number, parsed dict or LineError) without holding the file in memory."""
    if str(path).lower().endswith(".csv"):
        yield from _iter_csv(path)
    else:
        yield from _iter_jsonl(path)


def _iter_jsonl(path):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        line_number = 0
        while True:
            try:
                line = handle.readline()
            except UnicodeDecodeError:
                yield line_number + 1, LineError(_("el archivo no está codificado en UTF-8"))
                return
            if not line:
                return
            line_number += 1
            if not line.strip():
                continue
            try:
                yield line_number, json.loads(line)
            except json.JSONDecodeError as exc:
                yield (
                    line_number,
                    LineError(_("no es JSON válido (%(msg)s, columna %(col)d)") % {"msg": exc.msg, "col": exc.colno}),
                )


def _iter_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        unknown = [name for name in reader.fieldnames or [] if name not in ACCEPTED_FIELDS]
        if unknown:
            yield 1, LineError(_("columnas desconocidas en el encabezado: %(cols)s") % {"cols": ", ".join(unknown)})
            return
        try:
            for row in reader:
                try:
                    yield reader.line_num, csv_row_to_record(row)
                except LineError as exc:
                    yield reader.line_num, exc
        except (UnicodeDecodeError, csv.Error) as exc:
            yield reader.line_num + 1, LineError(_("CSV ilegible: %(msg)s") % {"msg": exc})


class JsonlWriter:
    def __init__(self, handle):
        self.handle = handle

    def write(self, record):
        self.handle.write(json.dumps(record, ensure_ascii=False) + "\n")


class CsvWriter:
    def __init__(self, handle):
        self.writer = csv.DictWriter(handle, fieldnames=EXPORT_FIELDS)
        self.writer.writeheader()

    def write(self, record):
        self.writer.writerow(record_to_csv_row(record))


WRITERS = {"jsonl": JsonlWriter, "csv": CsvWriter}
