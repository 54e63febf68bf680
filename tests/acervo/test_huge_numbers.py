"""Numbers too large for the database (20-digit ids, huge offsets, 5,000-digit byte ranges) answer 4xx, never 500."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client

from tests.media.conftest import local_storage  # noqa: F401
from tests.oer.reader_support import import_book

pytestmark = pytest.mark.django_db

HUGE = "9" * 20

GET_ROUTES = [
    f"/api/v1/lessons/{HUGE}/progress/",
    f"/api/v1/quizzes/{HUGE}/",
    f"/api/v1/quizzes/{HUGE}/attempts/",
    f"/api/v2/pages/{HUGE}/",
    f"/api/v2/images/{HUGE}/",
    f"/api/v2/documents/{HUGE}/",
    f"/api/v2/pages/?offset={HUGE}",
    f"/api/v2/pages/?limit={HUGE}",
    f"/api/v2/pages/?child_of={HUGE}",
    f"/api/v2/pages/?descendant_of={HUGE}",
    f"/cursos-sin-conexion/{HUGE}.json",
    f"/certificados/estado/{HUGE}.jwt",
    f"/medios/subtitulos/{HUGE}.vtt",
    f"/documentos/{HUGE}/libro.pdf",
    f"/api/v1/search/?q=libro&page={HUGE}",
    f"/api/v1/search/?q=libro&page_size={HUGE}",
    f"/_util/authenticate_with_password/{HUGE}/{HUGE}/",
    f"/admin/informes/cursos/{HUGE}/",
]
# A filter or a page number nothing matches is an empty answer, not an error: anything but a 5xx.
FILTER_ROUTES = [
    f"/api/v2/pages/?id={HUGE}",
    f"/nodos/recursos.json?id={HUGE}",
    f"/buscar/?q=libro&page={HUGE}",
    f"/api/v1/search/?q=libro&page={HUGE}",
    f"/api/v1/search/?q=libro&offset={HUGE}",
    f"/api/v1/search/?q=libro&limit={HUGE}",
    f"/api/v1/search/?q=libro&offset={'9' * 5000}",
    f"/api/v2/pages/?offset={'9' * 5000}",
]
POST_ROUTES = [
    f"/mi-aprendizaje/lecciones/{HUGE}/completar/",
    f"/mi-aprendizaje/cuestionarios/{HUGE}/intentos/",
    f"/_util/authenticate_with_password/{HUGE}/{HUGE}/",
]


@pytest.fixture
def member(site_structure):
    user = get_user_model().objects.create_superuser("admin", "admin@escuela.mx", "x")
    client = Client()
    client.force_login(user)
    return client


def assert_refused(response):
    assert 400 <= response.status_code < 500, response.status_code


@pytest.mark.parametrize("url", GET_ROUTES)
def test_a_huge_number_in_a_get_is_refused_not_a_crash(member, url):
    assert_refused(member.get(url))


@pytest.mark.parametrize("url", FILTER_ROUTES)
def test_a_huge_number_in_a_filter_is_never_a_server_error(member, url):
    assert member.get(url).status_code < 500


@pytest.mark.parametrize("url", POST_ROUTES)
def test_a_huge_number_in_a_post_is_refused_not_a_crash(member, url):
    assert_refused(member.post(url, {"password": "x", "return_url": "/"}))


def test_a_huge_id_is_explained_in_spanish(client, site_structure):
    api = client.get(f"/api/v2/pages/{HUGE}/")
    page = client.get(f"/cursos-sin-conexion/{HUGE}.json")
    if connection.vendor == "sqlite":  # beyond SQLite's 64-bit integers: the middleware's 400
        assert api.status_code == 400 and "demasiado grande" in api.json()["errors"]["numero"]
        assert page.status_code == 400 and "demasiado grande" in page.content.decode()
    else:  # PostgreSQL compares it as numeric and finds nothing
        assert api.status_code == page.status_code == 404


def test_a_huge_api_offset_is_a_spanish_json_error(client, site_structure):
    offset = client.get(f"/api/v2/pages/?offset={HUGE}")
    assert offset.status_code == 400
    assert "offset no puede ser mayor" in offset.json()["errors"]["consulta"]


@pytest.fixture
def book(tmp_path, local_storage):  # noqa: F811
    return import_book(tmp_path / "catalogo")


def test_a_five_thousand_digit_range_is_not_satisfiable_or_reaches_the_end(client, book):
    digits = "9" * 5000
    size = book.stored_file.size_bytes
    url = f"/recursos/{book.slug}/archivo"

    past_the_end = client.get(url, HTTP_RANGE=f"bytes={digits}-")
    assert past_the_end.status_code == 416 and past_the_end["Content-Range"] == f"bytes */{size}"
    to_the_end = client.get(url, HTTP_RANGE=f"bytes=10-{digits}")
    assert to_the_end.status_code == 206 and to_the_end["Content-Range"] == f"bytes 10-{size - 1}/{size}"
    whole = client.get(url, HTTP_RANGE=f"bytes=-{digits}")
    assert whole.status_code == 206 and whole["Content-Range"] == f"bytes 0-{size - 1}/{size}"
