"""Local development: debug on, an insecure key that never leaves this machine."""

from .base import *  # noqa: F401,F403
from .base import os

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
# Without EMAIL_HOST, mail is printed to the console.
if not os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
ACERVO_CREATE_DEMO_ADMIN = True
