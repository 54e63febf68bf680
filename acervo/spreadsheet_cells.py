"""Spreadsheet cells that never start a live formula (CSV injection), for every CSV and XLSX export.

A text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return is read as a formula by
spreadsheet programs; following OWASP, such text gets a leading `'`, which shows as text. Only
strings are touched: numbers (negative ones too) and dates stay what they are. Wagtail's
spreadsheet exports (every ReportView and listing with CSV/XLSX buttons) have no hook for this,
so `guard_wagtail_exports()` wraps their one per-cell function at start-up.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ESCAPE = "'"


def inert(value):
    """The value as a cell that cannot start a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return ESCAPE + value
    return value


def inert_row(values):
    return [inert(value) for value in values]


def restored(text):
    """The text a cell held before `inert` (reading back a file this site wrote)."""
    if text.startswith(ESCAPE) and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


def guard_wagtail_exports():
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    preprocess = SpreadsheetExportMixin.preprocess_field_value
    if getattr(preprocess, "inert_cells", False):
        return

    def preprocess_field_value(self, field, value, export_format):
        return inert(preprocess(self, field, value, export_format))

    preprocess_field_value.inert_cells = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
