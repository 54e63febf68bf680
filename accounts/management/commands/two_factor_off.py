"""Turns two-factor off for a user who lost both the phone and the backup codes (docs/seguridad.md)."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accounts.two_factor import devices


class Command(BaseCommand):
    help = "Desactiva la verificación en dos pasos de un usuario (teléfono y códigos de respaldo perdidos)."

    def add_arguments(self, parser):
        parser.add_argument("username", help="nombre de usuario")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No hay un usuario «{username}».")
        if not devices.is_enabled(user):
            self.stdout.write(f"«{username}» no tiene la verificación en dos pasos activada.")
            return
        devices.turn_off(user)
        self.stdout.write(f"Verificación en dos pasos desactivada para «{username}»: la activará al volver a entrar.")
