"""OpenAPI schema hooks: publish only Acervo's own public API (/api/v1/), not the admin's."""


def only_public_api(endpoints, **kwargs):
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]
