"""Production: everything from the environment; refuses to start with a missing or weak secret."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F401,F403
from .base import SECRET_KEY, env_bool, os

DEBUG = False

if len(SECRET_KEY) < 50 or SECRET_KEY.startswith(("dev-", "test-", "django-insecure")):
    raise ImproperlyConfigured("SECRET_KEY debe definirse en el entorno con al menos 50 caracteres aleatorios.")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
ACERVO_CREATE_DEMO_ADMIN = False
# Anonymous searches and pages are served from Redis for a minute (docs/operacion.md).
ACERVO_RESPONSE_CACHE_SECONDS = int(os.environ.get("ACERVO_RESPONSE_CACHE_SECONDS", "60"))
# Certificates are signed with the key in ACERVO_SIGNING_KEY_FILE only, never one made on the fly.
ACERVO_SIGNING_KEY_AUTOCREATE = False
