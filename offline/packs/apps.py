from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OfflinePacksConfig(AppConfig):
    name = "offline.packs"
    label = "offline_packs"
    verbose_name = _("Paquetes sin conexión")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals

        signals.connect()
