"""`manage.py load_demo`: the demo catalogue and courses, once; in development an admin account."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

# Each app contributes a loader `fn(stdout)`; each must be idempotent.
DEMO_LOADERS = [
    "oer.demo.load_catalog",
    "oer.demo.load_sample_books",
    "courses.demo.load_courses",
]


class Command(BaseCommand):
    help = _(
        "Carga el contenido de demostración (catálogo, libros de muestra y cursos). No hace nada si ya está cargado."
    )

    def handle(self, *args, **options):
        for dotted in DEMO_LOADERS:
            import_string(dotted)(self.stdout)
        # The site record names the public address, so sitemap and links point at ACERVO_BASE_URL.
        from oer.site import sync_site_address

        sync_site_address()
        if getattr(settings, "ACERVO_CREATE_DEMO_ADMIN", False):
            self._create_admin()

    def _create_admin(self):
        User = get_user_model()
        if User.objects.filter(username="admin").exists():
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser("admin", "admin@localhost", password)
        self.stdout.write(
            self.style.WARNING(
                _(
                    "Cuenta de administración creada: usuario «admin», contraseña «%(password)s». "
                    "Se muestra solo esta vez."
                )
                % {"password": password}
            )
        )
