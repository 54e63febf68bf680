"""Account pages under /cuentas/: sign up, log in (Django's standard fields) and log out."""

from django import forms
from django.conf import settings
from django.contrib.auth import login
from django.contrib.auth.forms import UserCreationForm
from django.contrib.auth.views import LoginView, LogoutView
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods


class SignUpForm(UserCreationForm):
    """Username and password plus the name printed on certificates."""

    first_name = forms.CharField(max_length=150, label=_("Nombre(s)"), help_text=_("Así aparecerá en tus certificados."))
    last_name = forms.CharField(max_length=150, required=False, label=_("Apellidos"))
    email = forms.EmailField(required=False, label=_("Correo electrónico (opcional)"))

    class Meta(UserCreationForm.Meta):
        fields = ("username", "first_name", "last_name", "email")


def _safe_next(request, fallback):
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return fallback


@require_http_methods(["GET", "POST"])
def sign_up(request):
    if request.user.is_authenticated:
        return redirect(settings.LOGIN_REDIRECT_URL)
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user, backend=settings.AUTHENTICATION_BACKENDS[0])
        return redirect(_safe_next(request, settings.LOGIN_REDIRECT_URL))
    return render(request, "courses/accounts/sign_up.html", {"form": form, "next": _safe_next(request, "")})


log_in = LoginView.as_view(template_name="courses/accounts/log_in.html", redirect_authenticated_user=True)
log_out = LogoutView.as_view()
