"""Wagtail API v2 for partners at /api/v2/: public resources only, read-only, throttled."""

import pytest
from django.core.cache import cache

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_throttle_history():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def catalogue(run_command, write_catalog, record_factory, site_structure):
    records = [
        record_factory(external_id="api:1", title="Lenguajes. Quinto grado"),
        record_factory(
            external_id="api:2",
            type="video",
            title="Video de fracciones",
            grades=[4],
            duration_seconds=420,
            captions=[{"language": "es", "url": "https://videos.example.org/f.vtt"}],
        ),
        record_factory(external_id="api:3", title="Retirado"),
    ]
    assert run_command("import_catalog", str(write_catalog(records))).code == 0
    from oer.models import ResourcePage

    ResourcePage.objects.get(external_id="api:3").specific.unpublish()
    return records


def test_pages_endpoint_lists_only_live_resources_with_catalogue_fields(client, catalogue):
    body = client.get("/api/v2/pages/").json()
    assert body["meta"]["total_count"] == 2
    by_id = {item["external_id"]: item for item in body["items"]}
    assert set(by_id) == {"api:1", "api:2"}  # neither the home, the index nor unpublished resources
    assert by_id["api:1"]["levels"] == ["primaria"] and by_id["api:1"]["grades"] == [5]
    assert by_id["api:2"]["kind"] == "video"
    assert by_id["api:2"]["formative_fields"] == ["lenguajes"]


def test_resource_detail_has_full_metadata_and_type_specific_fields(client, catalogue):
    listing = client.get("/api/v2/pages/", {"type": "oer.VideoLessonPage", "fields": "duration_seconds"}).json()
    assert [item["duration_seconds"] for item in listing["items"]] == [420]
    detail = client.get(f"/api/v2/pages/{listing['items'][0]['id']}/").json()
    assert detail["title"] == "Video de fracciones"
    assert detail["captions"] == [{"language": "es", "url": "https://videos.example.org/f.vtt"}]
    assert detail["license"] == "sep-uso-educativo" and detail["meta"]["html_url"].endswith("/")


def test_unpublished_resource_detail_is_not_found(client, catalogue):
    from oer.models import ResourcePage

    hidden = ResourcePage.objects.get(external_id="api:3")
    assert client.get(f"/api/v2/pages/{hidden.pk}/").status_code == 404


@pytest.mark.parametrize(
    "params",
    [
        {"color": "rojo"},
        {"limit": "muchos"},
        {"offset": "-3"},
        {"type": "oer.NoExiste"},
        {"order": "inexistente"},
        {"fields": "inexistente"},
    ],
    ids=["unknown-parameter", "bad-limit", "negative-offset", "unknown-type", "unknown-order", "unknown-field"],
)
def test_bad_queries_get_spanish_errors(client, catalogue, params):
    response = client.get("/api/v2/pages/", params)
    assert response.status_code == 400
    assert response.json()["errors"]["consulta"].startswith("Consulta no válida")


def test_api_is_read_only(client, catalogue):
    response = client.post("/api/v2/pages/", {"title": "x"})
    assert response.status_code == 405


def test_images_and_documents_endpoints_answer(client, site_structure):
    assert client.get("/api/v2/images/").json()["meta"]["total_count"] == 0
    assert client.get("/api/v2/documents/").json()["meta"]["total_count"] == 0


def test_anonymous_partners_are_throttled(client, catalogue, settings):
    settings.ACERVO_API_V2_RATE = "3/min"
    statuses = [client.get("/api/v2/pages/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    refused = client.get("/api/v2/pages/")
    assert int(refused["Retry-After"]) > 0
    assert "Demasiadas solicitudes" in refused.json()["errors"]["limite"]


def test_a_forged_forwarded_for_does_not_reset_the_limit(client, catalogue, settings):
    settings.ACERVO_API_V2_RATE = "3/min"
    statuses = [client.get("/api/v2/pages/", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}").status_code for n in range(1, 6)]
    assert statuses == [200, 200, 200, 429, 429]


def test_behind_a_trusted_proxy_each_client_has_its_own_limit(client, catalogue, settings):
    settings.ACERVO_API_V2_RATE = "2/min"
    settings.ACERVO_TRUSTED_PROXY_COUNT = 1

    def get(forwarded):
        return client.get("/api/v2/pages/", HTTP_X_FORWARDED_FOR=forwarded).status_code

    # The proxy appends the real client; what the client wrote on the left is ignored.
    assert [get(f"198.51.100.{n}, 203.0.113.7") for n in range(3)] == [200, 200, 429]
    assert get("203.0.113.8") == 200
