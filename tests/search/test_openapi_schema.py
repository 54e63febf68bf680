"""The OpenAPI 3 schema publishes the search API with its parameters and response shape."""

import pytest
import yaml

pytestmark = pytest.mark.django_db


def test_schema_describes_search_and_suggest(client):
    response = client.get("/api/v1/schema/")
    assert response.status_code == 200
    schema = yaml.safe_load(response.content)
    assert schema["openapi"].startswith("3.")
    search = schema["paths"]["/api/v1/search/"]["get"]
    names = {parameter["name"] for parameter in search["parameters"]}
    assert {
        "q",
        "type",
        "level",
        "grade",
        "field",
        "subject",
        "language",
        "license",
        "accessibility",
        "page",
        "page_size",
        "sort",
    } <= names
    assert {"200", "400"} <= set(search["responses"])
    assert "/api/v1/search/suggest/" in schema["paths"]
    assert not any(path.startswith("/admin") for path in schema["paths"])
