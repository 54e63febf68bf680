"""Account pages under /cuentas/: sign up, log in (Django's standard fields), log out, password reset
by mail, and the page a throttled log-in gets (docs/seguridad.md)."""

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model, login
from django.contrib.auth.forms import UserCreationForm
from django.contrib.auth.views import (
    LoginView,
    LogoutView,
    PasswordResetCompleteView,
    PasswordResetConfirmView,
    PasswordResetDoneView,
    PasswordResetView,
)
from django.core.cache import cache
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from accounts.email_verification import pending as email_verification
from accounts.email_verification.forms import VerifiedLogInForm
from acervo.client_address import client_address


class SignUpForm(UserCreationForm):
    """Username and password plus the name printed on certificates."""

    first_name = forms.CharField(
        max_length=150, label=_("Nombre(s)"), help_text=_("Así aparecerá en tus certificados.")
    )
    last_name = forms.CharField(max_length=150, required=False, label=_("Apellidos"))
    email = forms.EmailField(
        label=_("Correo electrónico"),
        help_text=_("Para recuperar tu contraseña si la olvidas."),
    )

    class Meta(UserCreationForm.Meta):
        fields = ("username", "first_name", "last_name", "email")

    def clean_email(self):
        # One address per account, whatever its case: the reset mail must reach exactly one person.
        email = get_user_model().objects.normalize_email(self.cleaned_data["email"])
        if get_user_model().objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("Ya hay una cuenta con este correo. Si es tuya, recupera tu contraseña."))
        return email


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
        if settings.ACERVO_REQUIRE_EMAIL_VERIFICATION:
            return _sign_up_unverified(request, form)
        user = form.save()
        login(request, user, backend="courses.cached_users.CachedUserBackend")
        return redirect(_safe_next(request, settings.LOGIN_REDIRECT_URL))
    return render(request, "accounts/sign_up.html", {"form": form, "next": _safe_next(request, "")})


def _sign_up_unverified(request, form):
    """The account waits for its mail to be confirmed (docs/seguridad.md); if the mail cannot go, no account is kept."""
    try:
        with transaction.atomic():
            email_verification.start(form.save())
    except OSError:  # smtplib's errors included
        form.add_error(None, _("No pudimos enviar el correo de confirmación. Intenta de nuevo en unos minutos."))
        context = {"form": form, "next": _safe_next(request, "")}
        return render(request, "accounts/sign_up.html", context, status=503)
    return redirect("email-verification-sent")


log_in = LoginView.as_view(
    template_name="accounts/log_in.html",
    authentication_form=VerifiedLogInForm,
    redirect_authenticated_user=True,
)
log_out = LogoutView.as_view()


def too_many_mail_requests(request, purpose):
    """Counts this request against its client address and the address typed; True past the log-in limit.

    The same limit and window as log-in throttling, so a form that sends mail (password reset, sign-up
    confirmation) can neither be used to probe addresses quickly nor to flood one mailbox. The window
    starts with the first request.
    """
    window = settings.AXES_COOLOFF_TIME.total_seconds()
    typed = request.POST.get("email", "").strip().lower()[:254]
    exceeded = False
    for key in (f"{purpose}:client:{client_address(request)}", f"{purpose}:email:{typed}"):
        cache.add(key, 0, timeout=window)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=window)
            count = 1
        exceeded = exceeded or count > settings.AXES_FAILURE_LIMIT
    return exceeded


class PasswordReset(PasswordResetView):
    """Asks for the address; answers the same whether or not an account has it."""

    template_name = "accounts/password_reset_form.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("password-reset-done")

    def post(self, request, *args, **kwargs):
        if too_many_mail_requests(request, "password-reset"):
            return locked_out(request)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        # The link in the mail starts with the public address, not with whatever Host the request carried.
        self.extra_email_context = {"base_url": settings.ACERVO_BASE_URL}
        return super().form_valid(form)


password_reset = PasswordReset.as_view()
password_reset_done = PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html")
password_reset_confirm = PasswordResetConfirmView.as_view(
    template_name="accounts/password_reset_confirm.html",
    success_url=reverse_lazy("password-reset-complete"),
)
password_reset_complete = PasswordResetCompleteView.as_view(template_name="accounts/password_reset_complete.html")


def locked_out(request, original_response=None, credentials=None):
    """The answer once a username, a mail address or a client address has tried too often: 429, in Spanish.

    django-axes calls it for both log-in pages; the password reset form calls it too.
    """
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "accounts/locked_out.html", {"minutes": minutes}, status=429)
