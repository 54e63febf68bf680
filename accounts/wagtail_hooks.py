"""Admin registration: the two-factor pages and their entry in the account menu."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from accounts.two_factor import views


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("dos-pasos/", views.SetUpView.as_view(), name="accounts_two_factor"),
        path("dos-pasos/respaldo/", views.BackupCodesView.as_view(), name="accounts_two_factor_backup"),
        path("dos-pasos/desactivar/", views.turn_off, name="accounts_two_factor_off"),
        path("dos-pasos/codigo/", views.verify, name="accounts_two_factor_verify"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_menu_item(request):
    return {
        "url": reverse("accounts_two_factor"),
        "label": _("Verificación en dos pasos"),
        "help_text": _("Pide un código de tu teléfono además de la contraseña al entrar al admin."),
    }
