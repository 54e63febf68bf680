from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OfflineWebConfig(AppConfig):
    name = "offline.web"
    label = "offline_web"
    verbose_name = _("Lecciones sin conexión")
