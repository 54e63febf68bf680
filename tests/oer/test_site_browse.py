"""Home and /recursos/: search first, level → grade browsing, groups by campo formativo, breadcrumbs."""

import re

from oer import browse
from oer.models import WeeklyPlanPage

from .site_helpers import demo  # noqa: F401


def test_home_puts_the_search_box_before_browsing_and_lists_every_grade(client, demo):
    html = client.get("/").content.decode()
    assert html.index('action="/buscar/"') < html.index("Explorar por nivel y grado")
    assert '<label for="q">' in html
    for grade in range(1, 7):
        assert f'href="/recursos/primaria/{grade}/"' in html
    assert '5.º<span class="sr-only"> grado de primaria</span>' in html


def test_home_features_the_plan_of_the_latest_week(client, demo):
    latest = WeeklyPlanPage.objects.live().order_by("-week_year", "-week_number").first()
    older = WeeklyPlanPage.objects.live().order_by("week_year", "week_number").first()
    assert latest.pk != older.pk
    html = client.get("/").content.decode()
    section = html.split('id="semana"')[1].split("</section>")[0]
    assert f'href="{latest.url}"' in section
    assert older.title not in section


def test_home_lists_newest_resources_and_links_to_the_course_catalogue(client, demo):
    html = client.get("/").content.decode()
    newest = html.split('id="nuevos"')[1].split("</section>")[0]
    assert newest.count('class="card"') == 6
    courses = html.split('id="cursos"')[1].split("</section>")[0]
    assert 'href="/cursos/"' in courses
    for track in browse.course_tracks():  # the demo's teacher-training tracks, when courses defines them
        assert f'href="{track.url}">{track.title}</a>' in courses


def test_levels_page_counts_resources_per_level(client, demo):
    html = client.get("/recursos/").content.decode()
    assert re.search(r'href="/recursos/primaria/">Primaria</a> <span class="count">\d+ recursos', html)
    assert 'aria-current="page">Recursos</li>' in html


def test_level_page_lists_grades_with_fase_and_counts(client, demo):
    html = client.get("/recursos/primaria/").content.decode()
    assert 'href="/recursos/primaria/5/">Quinto grado de primaria</a>' in html
    assert re.search(r"Fase 5 · \d+ recursos", html)
    assert '<li><a href="/recursos/">Recursos</a></li>' in html
    assert 'aria-current="page">Primaria</li>' in html


def test_grade_page_groups_resources_by_campo_formativo_with_type_icons_and_counts(client, demo):
    html = client.get("/recursos/primaria/5/").content.decode()
    assert "Múltiples lenguajes. Quinto grado" in html
    assert 'id="g-lenguajes"' in html and 'id="g-saberes-y-pensamiento-cientifico"' in html
    assert re.search(r"Libro de texto: \d+", html)
    assert 'types.svg#textbook"' in html and 'types.svg#video"' in html
    assert 'href="/recursos/primaria/">Primaria</a>' in html
    assert 'aria-current="page">Quinto grado de primaria</li>' in html
    # Only quinto grado: no first-grade textbook sneaks in through a loose text match.
    assert "Proyectos de Aula. Primer grado" not in html


def test_unknown_levels_and_grades_are_not_found_with_a_spanish_page(client, demo):
    for path in ("/recursos/primaria/9/", "/recursos/universidad/", "/recursos/preescolar/4/"):
        response = client.get(path)
        assert response.status_code == 404
        assert "No encontramos esta página" in response.content.decode()


def test_anonymous_page_views_may_be_cached_briefly(client, demo):
    response = client.get("/recursos/primaria/5/")
    assert "max-age=300" in response["Cache-Control"] and "public" in response["Cache-Control"]
    assert "Cookie" in response["Vary"]


def test_signed_in_visitors_get_no_shared_cache_headers(client, demo, django_user_model):
    user = django_user_model.objects.create_user("maestra", password="clave-segura-123")
    client.force_login(user)
    response = client.get("/")
    assert "public" not in response.get("Cache-Control", "")
