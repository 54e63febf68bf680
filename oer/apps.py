from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OerConfig(AppConfig):
    name = "oer"
    label = "oer"
    verbose_name = _("Repositorio de recursos")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate

        from acervo.spreadsheet_cells import guard_wagtail_exports
        from oer import checks  # noqa: F401  (registers the public-address checks)
        from oer.oai import signals
        from oer.site import sync_site_after_migrate

        signals.connect()
        guard_wagtail_exports()  # every admin CSV/XLSX export, Wagtail's own reports included
        post_migrate.connect(sync_site_after_migrate, sender=self, dispatch_uid="oer-site-follows-base-url")
