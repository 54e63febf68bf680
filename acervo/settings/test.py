"""Test runs: fast hashing, quiet e-mail, data under a throwaway folder when asked."""

from .base import *  # noqa: F401,F403
from .base import os

DEBUG = False
SECRET_KEY = "test-only-secret-key-not-for-production-use-0123456789"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Without EMAIL_HOST, mail stays in django.core.mail.outbox.
if not os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
ALLOWED_HOSTS = ["*"]
ACERVO_CREATE_DEMO_ADMIN = False
ACERVO_BASE_URL = WAGTAILADMIN_BASE_URL = WAGTAILAPI_BASE_URL = os.environ.get(
    "ACERVO_BASE_URL", "http://testserver"
).rstrip("/")

# Every test run gets its own throwaway data folder (uploads, embedded search index).
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

DATA_DIR = Path(os.environ.get("ACERVO_TEST_DATA_DIR") or tempfile.mkdtemp(prefix="acervo-test-"))
MEDIA_ROOT = DATA_DIR / "uploads"
STATIC_ROOT = DATA_DIR / "static"
ACERVO_SEARCH_INDEX_DIR = DATA_DIR / "search"
