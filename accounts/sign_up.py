"""Sign-up at /cuentas/registro/ that answers the same whether or not the address already has an account.

Whatever was typed, a valid form leads to the same page ("revisa tu correo") and one mail: a new
address gets its confirmation link (ACERVO_REQUIRE_EMAIL_VERIFICATION on) or word that the account
is ready (off); an address that already has an account gets a note that someone tried to sign up
with it, with the log-in and password reset links (docs/seguridad.md). Usernames are public
handles, so a taken one is still a form error.
"""

import logging
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import UserCreationForm
from django.contrib.auth.hashers import make_password
from django.core.cache import cache
from django.core.mail import send_mail
from django.db import transaction
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from accounts.email_verification import pending as email_verification

logger = logging.getLogger(__name__)


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
        return get_user_model().objects.normalize_email(self.cleaned_data["email"])

    def owner_of_email(self):
        """The account already holding this address, whatever its case (one address per account)."""
        return get_user_model().objects.filter(email__iexact=self.cleaned_data["email"]).first()


def safe_next(request, fallback):
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
        owner = form.owner_of_email()
        try:
            with transaction.atomic():
                if owner is None:
                    _create(form)
                else:
                    make_password(form.cleaned_data["password1"])  # the same work as creating one
                    _tell_the_owner(owner)
        except OSError:  # smtplib's errors included; only raised when the mail is what confirms the account
            form.add_error(None, _("No pudimos enviar el correo de confirmación. Intenta de nuevo en unos minutos."))
            context = {"form": form, "next": safe_next(request, "")}
            return render(request, "accounts/sign_up.html", context, status=503)
        if settings.ACERVO_REQUIRE_EMAIL_VERIFICATION:
            return redirect("email-verification-sent")
        return redirect(_sent_url(request))
    return render(request, "accounts/sign_up.html", {"form": form, "next": safe_next(request, "")})


def _sent_url(request):
    target = safe_next(request, "")
    url = reverse("sign-up-sent")
    if target:
        url += "?" + urlencode({"next": target})
    return url


def _create(form):
    user = form.save()
    if settings.ACERVO_REQUIRE_EMAIL_VERIFICATION:
        email_verification.start(user)  # a mail failure raises and leaves no account
    else:
        _mail(user, "accounts/sign_up/ready_subject.txt", "accounts/sign_up/ready_body.txt")


def _tell_the_owner(owner):
    # At most one such note per account and lock-out window: repeated attempts must not flood a mailbox.
    if cache.add(f"sign-up-notice:{owner.pk}", 1, timeout=settings.AXES_COOLOFF_TIME.total_seconds()):
        _mail(owner, "accounts/sign_up/taken_subject.txt", "accounts/sign_up/taken_body.txt")


def _mail(user, subject_template, body_template):
    context = {
        "user": user,
        "log_in_link": settings.ACERVO_BASE_URL + reverse("log-in"),
        "reset_link": settings.ACERVO_BASE_URL + reverse("password-reset"),
    }
    subject = render_to_string(subject_template, context).strip()
    body = render_to_string(body_template, context)
    try:
        send_mail(subject, body, None, [user.email])
    except OSError:
        if settings.ACERVO_REQUIRE_EMAIL_VERIFICATION:
            raise
        # Without verification the account works without this mail; the answer stays the same.
        logger.warning("sign-up mail to account %s could not be sent", user.pk, exc_info=True)


def sign_up_sent(request):
    return render(request, "accounts/sign_up/sent.html", {"next": safe_next(request, "")})
