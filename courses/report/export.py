"""The course report as a spreadsheet: CSV (one table, a column naming the section) or XLSX (a sheet each)."""

import csv
import io

from django.http import HttpResponse
from django.utils.translation import gettext as _
from openpyxl import Workbook

from acervo.spreadsheet_cells import inert_row


def _percent(value):
    return "" if value is None else round(value * 100, 1)


def sections(course, figures, steps, questions):
    """(section name, headings, rows) for each part of the report."""
    summary = (
        _("Resumen"),
        [_("Curso"), _("Inscripciones"), _("Completaron"), _("Tasa de finalización (%)"), _("Mediana de días")],
        [
            [
                course.title,
                figures.enrolments,
                figures.completed,
                _percent(figures.completion_rate),
                "" if figures.median_days is None else round(figures.median_days, 1),
            ]
        ],
    )
    lessons = (
        _("Lecciones"),
        [_("Núm."), _("Lección"), _("Llegaron"), _("Completaron"), _("Abandonaron aquí")],
        [[s.number, s.title, s.reached, s.completed, "" if s.dropped is None else s.dropped] for s in steps],
    )
    quiz = (
        _("Preguntas"),
        [_("Cuestionario"), _("Núm."), _("Pregunta"), _("Primeros intentos"), _("Correctas"), _("Aciertos (%)")],
        [[q.quiz_title, q.number, q.text, q.attempts, q.correct, _percent(q.share_correct)] for q in questions],
    )
    return [summary, lessons, quiz]


def as_csv(filename, parts):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for name, headings, rows in parts:
        writer.writerow(inert_row([_("Sección"), *headings]))
        writer.writerows(inert_row([name, *row]) for row in rows)
        writer.writerow([])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def as_xlsx(filename, parts):
    workbook = Workbook(write_only=True)
    for name, headings, rows in parts:
        sheet = workbook.create_sheet(title=name[:31])
        sheet.append(inert_row(headings))
        for row in rows:
            sheet.append(inert_row(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response
