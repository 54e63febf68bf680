"""Search over the catalogue: index documents, backends, durable indexing queue and the API."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "acervo_search"
    verbose_name = _("Búsqueda")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals

        signals.connect()
