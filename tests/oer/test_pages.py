"""Every resource type renders as a Spanish page with its metadata; browsing works."""

import pytest
from django.core.management import call_command

from oer.models import ResourcePage
from oer.taxonomy import fase_for, fases_for


def test_fase_is_derived_from_level_and_grade():
    assert fase_for("inicial") == 1
    assert fase_for("preescolar", 2) == 2
    assert [fase_for("primaria", g) for g in range(1, 7)] == [3, 3, 4, 4, 5, 5]
    assert fase_for("secundaria", 3) == 6
    assert fases_for(["primaria", "secundaria"], [1, 5]) == [3, 5, 6]


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=open("/dev/null", "w"))


@pytest.mark.parametrize(
    "kind, expected",
    [
        ("textbook", "Descargar PDF"),
        ("video", '<track kind="captions"'),
        ("audio", "<audio"),
        ("teacher_guide", "Guía docente"),
        ("weekly_plan", "Lunes"),
        ("activity", "Actividad / ficha"),
    ],
)
def test_each_resource_type_renders_with_its_metadata(client, demo, kind, expected):
    page = ResourcePage.objects.live().filter(kind=kind).first().specific
    response = client.get(page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="es-MX">' in html
    assert f"<h1>{page.title}</h1>".replace("&", "&amp;") in html or page.title in html
    assert expected in html
    assert "Licencia" in html and str(page.license_label) in html
    assert page.language_label in html
    for label in page.fase_labels:
        assert label in html


def test_home_lists_levels_and_newest_resources(client, demo):
    html = client.get("/").content.decode()
    assert "Explorar por nivel y grado" in html
    assert 'href="/recursos/primaria/5/"' in html
    assert "Recursos más recientes" in html
    assert 'action="/buscar/"' in html


def test_browse_level_then_grade_reaches_textbooks(client, demo):
    level = client.get("/recursos/primaria/").content.decode()
    assert "Quinto grado de primaria" in level and "Fase 5" in level
    grade = client.get("/recursos/primaria/5/").content.decode()
    assert "Múltiples lenguajes. Quinto grado" in grade
    assert "Lenguajes" in grade  # grouped by campo formativo
    assert client.get("/recursos/primaria/9/").status_code == 404
    assert client.get("/recursos/universidad/").status_code == 404


def test_demo_catalogue_is_rich_and_load_demo_is_idempotent(demo):
    kinds = set(ResourcePage.objects.values_list("kind", flat=True))
    assert kinds == {"textbook", "video", "audio", "teacher_guide", "weekly_plan", "activity"}
    assert ResourcePage.objects.count() >= 60
    primaria_grades = set()
    for levels, grades in ResourcePage.objects.filter(kind="textbook").values_list("levels", "grades"):
        if "primaria" in levels:
            primaria_grades.update(grades)
    assert primaria_grades == {1, 2, 3, 4, 5, 6}
    languages = set(ResourcePage.objects.values_list("language", flat=True))
    assert "mfs" in languages and languages & {"nah", "yua", "tzo", "tzh"}
    count = ResourcePage.objects.count()
    call_command("load_demo", stdout=open("/dev/null", "w"))
    assert ResourcePage.objects.count() == count
