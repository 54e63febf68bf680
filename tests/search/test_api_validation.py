"""The search API rejects bad parameters with Spanish 400s and never answers with a 500."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "params, field",
    [
        ({"grade": "quinto"}, "grade"),
        ({"grade": "9"}, "grade"),
        ({"type": "libro"}, "type"),
        ({"level": "universidad"}, "level"),
        ({"language": "xx"}, "language"),
        ({"accessibility": "telepatia"}, "accessibility"),
        ({"page": "0"}, "page"),
        ({"page": "uno"}, "page"),
        ({"page_size": "101"}, "page_size"),
        ({"page_size": "0"}, "page_size"),
        ({"sort": "popular"}, "sort"),
        ({"q": "x" * 501}, "q"),
    ],
)
def test_bad_parameters_get_a_spanish_400_naming_the_parameter(embedded_search, search_api, params, field):
    response = search_api(**params)
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert field in errors
    assert errors[field] and isinstance(errors[field], str)


def test_unknown_slug_error_lists_the_valid_values(embedded_search, search_api):
    message = search_api(type="libro").json()["errors"]["type"]
    assert "desconocido" in message and "textbook" in message


def test_control_characters_and_odd_text_are_searched_not_crashed_on(embedded_search, search_api, site_structure):
    for text in ["frac\x00ciones\x1b[31m", '((( AND OR ~~ "', "😀" * 50, "\u202e\u200b", "<script>alert(1)</script>"]:
        response = search_api(q=text)
        assert response.status_code == 200, text
        body = response.json()
        assert set(body) == {"count", "page", "page_size", "results", "facets", "suggestion"}


def test_suggest_rejects_absurdly_long_text(embedded_search, client):
    response = client.get("/api/v1/search/suggest/", {"q": "a" * 600})
    assert response.status_code == 400
    assert "q" in response.json()["errors"]


def test_an_unreachable_engine_is_a_spanish_503_not_a_500(settings, search_api, client):
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{port}"
    response = search_api(q="fracciones")
    assert response.status_code == 503
    assert "no está disponible" in response.json()["errors"]["servicio"]
    page = client.get("/buscar/", {"q": "fracciones"})
    assert page.status_code == 503 and "no está disponible" in page.content.decode()


def test_a_broken_embedded_index_is_a_spanish_503_and_indexing_waits(
    embedded_search, search_api, import_records, record_factory
):
    from search import indexing

    generation = embedded_search / "gen-roto"
    generation.mkdir(parents=True)
    (generation / "meta.json").write_text("esto no es un índice")
    (embedded_search / "current").symlink_to("gen-roto")

    response = search_api(q="fracciones")
    assert response.status_code == 503
    assert "no está disponible" in response.json()["errors"]["servicio"]
    import_records([record_factory(title="Atlas de México")])  # the import itself succeeds
    assert indexing.backlog() == 1


def test_course_is_a_search_type_but_never_a_catalogue_record(
    embedded_search, search_api, run_command, write_catalog, record_factory
):
    assert search_api(type="course").status_code == 200
    result = run_command("import_catalog", str(write_catalog([record_factory(type="course")])))
    assert result.code == 1
    assert "línea 1" in result.stderr and "course" in result.stderr
