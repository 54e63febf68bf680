"""Settings of both instances in bench/sync_bench.py: as in production, background tasks wait in the
database queue for the worker instead of running inside each request."""

from acervo.settings.test import *  # noqa: F401,F403

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
