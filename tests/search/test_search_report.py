"""Informes → Búsquedas: top and zero-result queries over a period, for the site's editors only."""

import csv
import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission, User
from django.test import Client
from django.utils import timezone
from openpyxl import load_workbook

from search.models import SearchQueryLog
from tests.oer.editorial_support import editor, reviewer

pytestmark = pytest.mark.django_db

URL = "/admin/informes/busquedas/"


def body(response):
    return b"".join(response.streaming_content if response.streaming else [response.content])


def log(query, days_ago, searches, zero=0):
    day = timezone.localdate() - timedelta(days=days_ago)
    SearchQueryLog.objects.create(query=query, day=day, searches=searches, zero_results=zero)


@pytest.fixture
def searches(site_structure):
    log("fracciones", 0, 10)
    log("fracciones", 20, 5)
    log("ciclo del agua", 3, 4, zero=1)
    log("dinosaurios marinos", 1, 3, zero=3)
    log("volcanes", 60, 8, zero=8)
    log("sismografo", 200, 50, zero=50)


def csv_rows(client, **params):
    response = client.get(URL, {"export": "csv", **params})
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(body(response).decode("utf-8-sig"))))


def test_searches_counted_through_the_api_appear_in_the_report(embedded_search, site_structure, client):
    client.get("/api/v1/search/", {"q": "Dinosaurios marinos"})
    client.get("/buscar/", {"q": "dinosaurios  MARINOS"})
    _user, editor_client = editor()
    assert csv_rows(editor_client)[1:] == [["dinosaurios marinos", "2", "2", "100.0"]]


def test_the_last_30_days_by_default_most_searched_first(searches):
    _user, client = editor()
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Búsquedas" in html and "Últimos 30 días" in html
    assert csv_rows(client) == [
        ["Búsqueda", "Búsquedas", "Sin resultados", "Sin resultados (%)"],
        ["fracciones", "15", "0", "0.0"],
        ["ciclo del agua", "4", "1", "25.0"],
        ["dinosaurios marinos", "3", "3", "100.0"],
    ]


def test_the_period_and_zero_result_filters(searches):
    _user, client = editor()
    assert [row[0] for row in csv_rows(client, period="7")[1:]] == [
        "fracciones",
        "ciclo del agua",
        "dinosaurios marinos",
    ]
    assert csv_rows(client, period="7")[1] == ["fracciones", "10", "0", "0.0"]
    assert [row[0] for row in csv_rows(client, period="90")[1:]] == [
        "fracciones",
        "volcanes",
        "ciclo del agua",
        "dinosaurios marinos",
    ]
    assert [row[0] for row in csv_rows(client, period="90", show="zero")[1:]] == [
        "volcanes",
        "dinosaurios marinos",
        "ciclo del agua",
    ]
    # An unknown period falls back to 30 days rather than showing everything.
    assert [row[0] for row in csv_rows(client, period="9999")[1:]] == [
        "fracciones",
        "ciclo del agua",
        "dinosaurios marinos",
    ]
    results = client.get(URL + "resultados/", {"period": "90", "show": "zero"})
    assert results.status_code == 200 and "volcanes" in results.content.decode()
    assert "fracciones" not in results.content.decode()


def test_the_report_exports_a_spreadsheet(searches):
    _user, client = editor()
    response = client.get(URL, {"export": "xlsx", "period": "7"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(body(response))).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0] == ["Búsqueda", "Búsquedas", "Sin resultados", "Sin resultados (%)"]
    assert values[1] == ["fracciones", 10, 0, 0.0]


def test_the_report_is_paginated(site_structure):
    for n in range(60):
        log(f"consulta {n:02d}", 0, 100 - n)
    _user, client = editor()
    first = client.get(URL).content.decode()
    assert "consulta 00" in first and "consulta 59" not in first
    second = client.get(URL, {"p": "2"}).content.decode()
    assert "consulta 59" in second and "consulta 00" not in second


def test_an_empty_period_says_so_in_spanish(site_structure):
    log("volcanes", 60, 8)
    _user, client = editor()
    html = client.get(URL, {"period": "7"}).content.decode()
    assert "No hay búsquedas registradas en este periodo" in html


def test_zero_result_rows_link_to_a_promotion_with_the_query_typed(searches):
    _user, client = reviewer()
    html = client.get(URL, {"show": "zero"}).content.decode()
    assert "Promocionar un resultado" in html
    assert "/admin/informes/busquedas/promocionar/?query_string=dinosaurios+marinos" in html
    form = client.get("/admin/informes/busquedas/promocionar/", {"query_string": "dinosaurios marinos"})
    assert form.status_code == 200
    assert 'value="dinosaurios marinos"' in form.content.decode()
    assert "/admin/searchpicks/add/" in form.content.decode()


def test_editors_see_the_report_but_only_who_may_promote_get_the_link(searches):
    _user, client = editor()
    html = client.get(URL, {"show": "zero"}).content.decode()
    assert "dinosaurios marinos" in html and "Promocionar un resultado" not in html
    assert client.get("/admin/informes/busquedas/promocionar/").status_code in (302, 403)
    assert URL in client.get("/admin/").content.decode()


def test_people_who_do_not_edit_the_site_cannot_see_it(searches):
    plain = User.objects.create_user("lectora", password="clave-de-prueba-123")
    plain_client = Client()
    plain_client.force_login(plain)
    refused = plain_client.get(URL)
    assert refused.status_code == 302 and "dinosaurios" not in refused.content.decode()
    staff = User.objects.create_user("soporte", password="clave-de-prueba-123")
    staff.user_permissions.add(Permission.objects.get(codename="access_admin"))
    staff_client = Client()
    staff_client.force_login(staff)
    for response in (staff_client.get(URL), staff_client.get(URL, {"export": "csv"})):
        # Wagtail turns a refusal into a redirect to the dashboard with a message.
        assert response.status_code == 302 and response.url == "/admin/"
        assert b"dinosaurios" not in body(response)
    assert URL not in staff_client.get("/admin/").content.decode()


def test_wagtails_own_search_terms_report_is_not_offered(admin_client, site_structure):
    html = admin_client.get("/admin/").content.decode()
    assert URL in html
    assert "/admin/searchpicks/reports/search-terms/" not in html
