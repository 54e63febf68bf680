"""Account pages under /cuentas/: log in (Django's standard fields), log out, password reset by mail,
and the page a throttled log-in gets (docs/seguridad.md). Sign-up lives in accounts/sign_up.py."""

from django.conf import settings
from django.contrib.auth.views import (
    LoginView,
    LogoutView,
    PasswordResetCompleteView,
    PasswordResetConfirmView,
    PasswordResetDoneView,
    PasswordResetView,
)
from django.core.cache import cache
from django.shortcuts import render
from django.urls import reverse_lazy

from accounts.email_verification.forms import VerifiedLogInForm
from acervo.client_address import client_address

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
    typed = request.POST.get("email", "").strip().lower()[:254]
    counts = [
        count_in_window(f"{purpose}:client:{client_address(request)}"),
        count_in_window(f"{purpose}:email:{typed}"),
    ]
    return any(count > settings.AXES_FAILURE_LIMIT for count in counts)


def count_in_window(key):
    """One more under key in the cache; the count so far within the log-in lock-out window."""
    window = settings.AXES_COOLOFF_TIME.total_seconds()
    cache.add(key, 0, timeout=window)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        return 1


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
