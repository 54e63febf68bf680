"""Informes → Cursos: editors see each course's enrolments, completion, drop-off and question difficulty."""

import csv
import io
import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone
from openpyxl import load_workbook

from courses.models import Enrolment
from tests.courses.conftest import make_learner, put_progress
from tests.oer.editorial_support import editor, member_of


def report_url(course):
    return f"/admin/informes/cursos/{course.pk}/"


def take_course(course_tree, name, *, lessons_done=0, reach=None, right=None):
    """A learner who enrols, completes the first `lessons_done` lessons and opens lesson `reach` (0-based)."""
    client = make_learner(name)
    assert client.post("/api/v1/courses/didactica/enrolment/").status_code == 201
    for lesson in course_tree.lessons[:lessons_done]:
        assert put_progress(client, lesson, status="completed").status_code == 200
    if reach is not None:
        assert put_progress(client, course_tree.lessons[reach], status="in_progress").status_code == 200
    if right is not None:
        response = client.post(
            f"/api/v1/quizzes/{course_tree.quiz.pk}/attempts/",
            {"answers": course_tree.answers(right=right)},
            content_type="application/json",
        )
        assert response.status_code == 201, response.content
    return client


@pytest.fixture
def cohort(course_tree):
    """Five learners: two finish the course, one stops at lesson 2, one opens lesson 1 only, one never starts."""
    take_course(course_tree, "lucia", lessons_done=3, right=True)
    take_course(course_tree, "mateo", lessons_done=3, right=True)
    take_course(course_tree, "sofia", lessons_done=1, reach=1)
    take_course(course_tree, "diego", reach=0)
    take_course(course_tree, "nadie")
    # Completion took 2 and 4 days: the median is 3.
    now = timezone.now()
    for username, days in (("lucia", 2), ("mateo", 4)):
        enrolment = Enrolment.objects.get(user__username=username)
        assert enrolment.completed_at is not None
        Enrolment.objects.filter(pk=enrolment.pk).update(created_at=now - timedelta(days=days), completed_at=now)
    return course_tree


def rows_of(html, table_id):
    """The body rows of one of the report's tables, as lists of cell texts."""
    table = re.search(rf'<table[^>]*id="{table_id}".*?</table>', html, re.S).group(0)
    return [
        [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
        for row in re.findall(r"<tr>(.*?)</tr>", table.split("<tbody>", 1)[1], re.S)
    ]


def test_an_editor_sees_the_figures_of_a_course(cohort, site_structure):
    _user, client = editor()
    listing = client.get("/admin/informes/cursos/")
    assert listing.status_code == 200
    page = listing.content.decode()
    assert "Didáctica de la lectura" in page and report_url(cohort.course) in page
    assert "40.0 %" in page  # 2 of 5 completed

    response = client.get(report_url(cohort.course))
    assert response.status_code == 200
    html = response.content.decode()
    summary = re.search(r'<dl class="course-report-figures">(.*?)</dl>', html, re.S).group(1)
    values = [re.sub(r"\s+", " ", v).strip() for v in re.findall(r"<dd>(.*?)</dd>", summary, re.S)]
    assert values == ["5", "2", "40 %", "3.0"]
    # Lessons in reading order: reached / completed / dropped here.
    assert rows_of(html, "avance-por-leccion") == [
        ["1", "Lección uno", "4", "3", "1"],
        ["2", "Lección dos", "3", "2", "1"],
        ["3", "Lectura opcional (opcional)", "0", "0", "—"],
        ["4", "Evaluación", "2", "2", "0"],
    ]
    # Both quiz takers answered both questions right on their first attempt.
    assert rows_of(html, "aciertos-por-pregunta") == [
        ["Cuestionario final", "1", "¿Cuánto es 2 + 2?", "2", "100 %"],
        ["Cuestionario final", "2", "¿Cuáles son vocales?", "2", "100 %"],
    ]
    # The drop-off chart is an SVG drawn by the server, one bar pair per lesson, labelled for screen readers.
    svg = re.search(r'<svg[^>]*class="course-report-chart".*?</svg>', html, re.S).group(0)
    assert 'role="img"' in svg and svg.count("<rect") == 8
    assert "Lección 1, Lección uno: llegaron 80 %, completaron 60 %" in svg
    assert "<script" not in html.split("<main", 1)[-1].split("</main>")[0]


def test_question_difficulty_counts_first_attempts_only(course_tree, site_structure):
    take_course(course_tree, "wrong-then-right", lessons_done=2, right=False)
    client = Client()
    client.force_login(get_user_model().objects.get(username="wrong-then-right"))
    second = client.post(
        f"/api/v1/quizzes/{course_tree.quiz.pk}/attempts/",
        {"answers": course_tree.answers(right=True)},
        content_type="application/json",
    )
    assert second.status_code == 201
    take_course(course_tree, "right-first", lessons_done=2, right=True)
    _user, editor_client = editor()
    html = editor_client.get(report_url(course_tree.course)).content.decode()
    assert [row[3:] for row in rows_of(html, "aciertos-por-pregunta")] == [["2", "50 %"], ["2", "50 %"]]


def test_exports_hold_the_same_figures(cohort, site_structure):
    _user, client = editor()
    response = client.get(report_url(cohort.course) + "?export=csv")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="curso-didactica.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:3] == ["Sección", "Curso", "Inscripciones"]
    assert rows[1] == ["Resumen", "Didáctica de la lectura", "5", "2", "40.0", "3.0"]
    assert ["Lecciones", "2", "Lección dos", "3", "2", "1"] in rows
    assert ["Preguntas", "Cuestionario final", "2", "¿Cuáles son vocales?", "2", "2", "100.0"] in rows

    response = client.get(report_url(cohort.course) + "?export=xlsx")
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Resumen", "Lecciones", "Preguntas"]
    lessons = list(workbook["Lecciones"].iter_rows(values_only=True))
    assert lessons[0] == ("Núm.", "Lección", "Llegaron", "Completaron", "Abandonaron aquí")
    assert lessons[1] == (1, "Lección uno", 4, 3, 1)

    listing = b"".join(client.get("/admin/informes/cursos/?export=csv").streaming_content).decode()
    assert "Didáctica de la lectura,didactica,5,2,40.0" in listing
    assert client.get(report_url(cohort.course) + "?export=pdf").status_code == 404


def test_a_course_nobody_took_has_empty_states(course_tree, site_structure):
    _user, client = editor()
    html = client.get(report_url(course_tree.course)).content.decode()
    assert "nadie lo ha completado todavía" in html
    assert "0 %" in html


def test_learners_and_strangers_cannot_see_the_report(cohort, site_structure):
    learner = make_learner("curiosa")
    assert learner.get(report_url(cohort.course)).status_code in (302, 403)
    staff_without_rights = get_user_model().objects.create_user("sin-permisos", password="clave-de-prueba-123")
    from django.contrib.auth.models import Permission

    staff_without_rights.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client = Client()
    client.force_login(staff_without_rights)
    assert client.get(report_url(cohort.course)).status_code in (302, 403)
    assert client.get("/admin/informes/cursos/").status_code in (302, 403)
    assert "/admin/informes/cursos/" not in client.get("/admin/").content.decode()
    _reviewer, reviewer_client = member_of("Revisores")
    assert "/admin/informes/cursos/" in reviewer_client.get("/admin/").content.decode()
    assert reviewer_client.get("/admin/informes/cursos/999999/").status_code == 404


def test_exports_never_start_a_formula_and_keep_numbers_as_numbers(course_tree, site_structure):
    course = course_tree.course
    course.title = '=HYPERLINK("http://x","y")'
    course.save_revision().publish()
    _user, client = editor()

    rows = list(csv.reader(io.StringIO(client.get(report_url(course) + "?export=csv").content.decode())))
    assert rows[1][:3] == ["Resumen", "'" + course.title, "0"]
    workbook = load_workbook(io.BytesIO(client.get(report_url(course) + "?export=xlsx").content))
    title, enrolments = next(workbook["Resumen"].iter_rows(min_row=2, max_col=2))
    assert (title.value, title.data_type) == ("'" + course.title, "s")
    assert (enrolments.value, enrolments.data_type) == (0, "n")
