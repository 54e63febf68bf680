"""Property-based checks of the search API against its own OpenAPI schema: never a 5xx.

Schemathesis generates valid and invalid parameters from /api/v1/schema/ and validates every
response (status documented, body matching the schema) against the live app in process.
"""

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, given, settings

pytestmark = pytest.mark.django_db


@pytest.fixture
def api_schema(embedded_search, import_records, record_factory):
    import_records(
        [
            record_factory(title="Fracciones para quinto grado", subjects=["matematicas"]),
            record_factory(type="video", title="Ecosistemas de México", duration_seconds=60),
        ]
    )
    return schemathesis.openapi.from_wsgi("/api/v1/schema/", get_wsgi_application())


def _check_operation(operation):
    statuses = []

    @given(case=operation.as_strategy())
    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def check(case):
        response = case.call_and_validate()
        statuses.append(response.status_code)
        assert response.status_code < 500

    check()
    return statuses


def test_search_api_conforms_to_its_schema_and_never_fails(api_schema):
    # Other apps' operations are checked by their own suites; this one owns the search API.
    operations = [
        operation
        for operation in (result.ok() for result in api_schema.get_all_operations())
        if operation.path.startswith("/api/v1/search/")
    ]
    paths = {operation.path for operation in operations}
    assert paths == {"/api/v1/search/", "/api/v1/search/suggest/"}
    for operation in operations:
        statuses = _check_operation(operation)
        assert statuses and 200 in statuses, operation.path
