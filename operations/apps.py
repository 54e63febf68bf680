from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    name = "operations"
    label = "operations"
    verbose_name = _("Operación")
    default_auto_field = "django.db.models.BigAutoField"
