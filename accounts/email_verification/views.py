"""Pages under /cuentas/verificar/: «revisa tu correo» with a form to send the link again, and the link itself."""

from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from accounts.views import locked_out, too_many_mail_requests

from . import pending
from .forms import ResendForm


@require_http_methods(["GET", "POST"])
def sent(request):
    """After sign-up, and for whoever asks again: the same answer whether or not the address is waiting."""
    form = ResendForm(request.POST or None)
    if request.method == "POST":
        if too_many_mail_requests(request, "email-verification"):
            return locked_out(request)
        if form.is_valid():
            pending.resend(form.cleaned_data["email"])
            return redirect("email-verification-resent")
        return render(request, "accounts/email_verification/sent.html", {"form": form}, status=400)
    return render(request, "accounts/email_verification/sent.html", {"form": form})


@require_GET
def resent(request):
    return render(request, "accounts/email_verification/sent.html", {"form": ResendForm(), "resent": True})


@require_GET
def confirm(request, token):
    if pending.confirm(token):
        return render(request, "accounts/email_verification/confirmed.html")
    return render(request, "accounts/email_verification/invalid.html", {"form": ResendForm()}, status=400)
