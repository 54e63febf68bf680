"""Security headers over HTTP: the policy on public and admin pages, the storage's origins in it."""

from django.test import Client

from media.storage_settings import storages_from_environment


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def test_public_pages_forbid_inline_scripts_and_carry_the_other_headers(site_structure):
    response = Client().get("/cuentas/entrar/")
    policy = directives(response)
    assert policy["script-src"] == ["'self'"] and policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'self'"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "microphone=()" in response["Permissions-Policy"]


def test_only_the_admin_allows_inline_scripts(site_structure):
    admin = directives(Client().get("/admin/login/"))
    assert "'unsafe-inline'" in admin["script-src"]
    assert directives(Client().get("/"))["script-src"] == ["'self'"]


def test_files_on_s3_add_the_bucket_origins_where_the_browser_reaches_them(site_structure, settings):
    settings.STORAGES = storages_from_environment(
        {
            "AWS_STORAGE_BUCKET_NAME": "acervo-libros",
            "AWS_S3_REGION_NAME": "us-east-2",
            "AWS_PUBLIC_RENDITIONS": "1",
            "AWS_S3_CUSTOM_DOMAIN": "cdn.acervo.example.mx",
        }
    )
    policy = directives(Client().get("/"))
    for directive in ("connect-src", "img-src", "media-src"):
        assert "https://acervo-libros.s3.us-east-2.amazonaws.com" in policy[directive]
        assert "https://cdn.acervo.example.mx" in policy[directive]
    assert policy["script-src"] == ["'self'"]
