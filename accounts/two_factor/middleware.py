"""Keeps the admin behind the second step: after the password, a user with two-factor on is asked for a code,
and a member of a group that requires it, without it, can only set it up (docs/seguridad.md).

Runs after django-otp's OTPMiddleware, which tells whether this session has given a code."""

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import gettext as _
from wagtail.admin import messages

from . import devices

# Reachable before the code: logging in and out, and what those pages load.
ALWAYS_OPEN = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "accounts_two_factor_verify",
}
SET_UP = {"accounts_two_factor", "accounts_two_factor_backup"}
SECURITY_SETTING = {"app_name": "accounts", "model_name": "securitysettings"}


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.redirect_for(request) or self.get_response(request)

    def redirect_for(self, request):
        if not request.path_info.startswith(reverse("wagtailadmin_home")):
            return None
        user = request.user
        if not user.is_authenticated or not user.has_perm("wagtailadmin.access_admin"):
            return None
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return None
        if match.url_name in ALWAYS_OPEN:
            return None
        if devices.is_enabled(user):
            if user.is_verified():
                return None
            return redirect_to_login(request.get_full_path(), reverse("accounts_two_factor_verify"))
        if match.url_name in SET_UP or not devices.is_required(user, request):
            return None
        if user.is_superuser and match.view_name == "wagtailsettings:edit" and _is_security_setting(match.kwargs):
            return None
        messages.warning(request, _("Tu grupo exige la verificación en dos pasos: actívala para seguir."))
        return redirect("accounts_two_factor")


def _is_security_setting(kwargs):
    return all(kwargs.get(key) == value for key, value in SECURITY_SETTING.items())
