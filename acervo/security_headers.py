"""The browser-facing security headers: the Content-Security-Policy and the Permissions-Policy."""

from urllib.parse import urlsplit

from csp.constants import NONE, SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.conf import settings

# Wagtail's admin widgets write inline <script> tags with per-field arguments (choosers,
# date pickers), so neither hashes nor nonces can cover them: under /admin/, and only there,
# inline scripts and styles are allowed (docs/seguridad.md).
ADMIN_PREFIX = "/admin/"
ADMIN_RELAXATION = {"script-src": [UNSAFE_INLINE], "style-src": [UNSAFE_INLINE]}


def stored_file_origins(storages):
    """Where the browser fetches stored files from when they live on S3 (images, video, books, uploads)."""
    origins = []
    for storage in storages.values():
        options = storage.get("OPTIONS") or {}
        bucket = options.get("bucket_name")
        if not bucket:
            continue
        endpoint = options.get("endpoint_url")
        if endpoint:
            parts = urlsplit(endpoint)
            origins.append(f"{parts.scheme}://{parts.netloc}")
            # Virtual-hosted addressing puts the bucket in the host name.
            origins.append(f"{parts.scheme}://{bucket}.{parts.netloc}")
        else:
            region = options.get("region_name")
            origins.append(
                f"https://{bucket}.s3.{region}.amazonaws.com" if region else f"https://{bucket}.s3.amazonaws.com"
            )
        if options.get("custom_domain"):
            origins.append(f"https://{options['custom_domain']}")
    return list(dict.fromkeys(origins))


def content_security_policy():
    """django-csp's setting: scripts and styles only from our own files, never inline.

    Images, video and embedded players may come from any HTTPS host, because catalogue records
    point at files and videos hosted elsewhere and editors embed players by URL; what a page may
    run and where it may send data stay limited to the site and its file storage (the middleware
    adds the storage's origins, read from STORAGES).
    """
    return {
        "DIRECTIVES": {
            "default-src": [SELF],
            "script-src": [SELF],
            "style-src": [SELF],
            "img-src": [SELF, "data:", "blob:", "https:"],
            "media-src": [SELF, "blob:", "https:"],
            "connect-src": [SELF],
            "font-src": [SELF, "data:"],
            "worker-src": [SELF, "blob:"],
            "frame-src": [SELF, "https:"],
            "object-src": [NONE],
            "base-uri": [SELF],
            "form-action": [SELF],
            "frame-ancestors": [SELF],
        }
    }


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, plus the S3 origins of the stored files and the admin's relaxation."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        additions = {}
        files = stored_file_origins(settings.STORAGES)
        if files:
            additions.update({"img-src": files, "media-src": files, "connect-src": files})
        if request.path_info.startswith(ADMIN_PREFIX):
            additions.update(ADMIN_RELAXATION)
        if additions:
            parts.update = {**additions, **(parts.update or {})}
        return parts


class PermissionsPolicyMiddleware:
    """Turns off browser features the site never uses, so injected content cannot ask for them either."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = settings.ACERVO_PERMISSIONS_POLICY

    def __call__(self, request):
        response = self.get_response(request)
        if self.policy:
            response.headers.setdefault("Permissions-Policy", self.policy)
        return response
