from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    label = "courses"
    verbose_name = _("Cursos")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from courses import signals
        from courses.credentials import checks  # noqa: F401  (registers the signing-key deploy check)

        signals.connect()
        from courses.xapi import report

        report.register()
