from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OerConfig(AppConfig):
    name = "oer"
    label = "oer"
    verbose_name = _("Repositorio de recursos")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from oer.oai import signals

        signals.connect()
