"""Admin pages: turn two-factor on (QR code, secret, a first code), backup codes, turn it off, and the code
asked after the password."""

import django_otp
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from accounts.views import locked_out

from . import devices, throttling
from .forms import CodeForm


class SetUpView(WagtailAdminTemplateMixin, FormView):
    """Off: the QR code and secret of a pending device, and a form for the first code. On: what can be done."""

    form_class = CodeForm
    page_title = gettext_lazy("Verificación en dos pasos")
    header_icon = "lock"
    breadcrumbs_items = WagtailAdminTemplateMixin.breadcrumbs_items + [{"url": "", "label": page_title}]

    def get_template_names(self):
        return ["accounts/two_factor/manage.html" if self.enabled else "accounts/two_factor/set_up.html"]

    def dispatch(self, request, *args, **kwargs):
        self.enabled = devices.is_enabled(request.user)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["required"] = devices.is_required(user, self.request)
        if self.enabled:
            context.update(backup_count=len(devices.backup_codes(user)), off_form=CodeForm(auto_id="off_%s"))
        else:
            device = devices.pending_app(user)
            context.update(qr_svg=devices.qr_svg(device), secret=devices.secret(device))
        return context

    def post(self, request, *args, **kwargs):
        if self.enabled:
            return redirect("accounts_two_factor")
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        device = devices.pending_app(self.request.user)
        if not device.verify_token(form.cleaned_data["code"]):
            form.add_error("code", _("El código no coincide. Revisa que la hora de tu teléfono sea la correcta."))
            return self.form_invalid(form)
        devices.confirm(device)
        django_otp.login(self.request, device)
        messages.success(self.request, _("La verificación en dos pasos está activada. Guarda tus códigos de respaldo."))
        return redirect("accounts_two_factor_backup")


class BackupCodesView(WagtailAdminTemplateMixin, TemplateView):
    """The unused backup codes, to print; a POST replaces them all."""

    template_name = "accounts/two_factor/backup_codes.html"
    page_title = gettext_lazy("Códigos de respaldo")
    header_icon = "lock"
    breadcrumbs_items = WagtailAdminTemplateMixin.breadcrumbs_items + [
        {"url": reverse_lazy("accounts_two_factor"), "label": SetUpView.page_title},
        {"url": "", "label": page_title},
    ]

    def dispatch(self, request, *args, **kwargs):
        if not devices.is_enabled(request.user):
            return redirect("accounts_two_factor")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(codes=devices.backup_codes(self.request.user), **kwargs)

    def post(self, request, *args, **kwargs):
        devices.issue_backup_codes(request.user)
        messages.success(request, _("Tienes códigos de respaldo nuevos; los anteriores ya no sirven."))
        return redirect("accounts_two_factor_backup")


@require_POST
def turn_off(request):
    """Needs a valid code (app or backup), and is refused while one of the user's groups requires two-factor."""
    if devices.is_required(request.user, request):
        messages.error(request, _("Uno de tus grupos exige la verificación en dos pasos: no puedes desactivarla."))
        return redirect("accounts_two_factor")
    if throttling.is_locked(request):
        return locked_out(request)
    form = CodeForm(request.POST)
    if form.is_valid() and django_otp.match_token(request.user, form.cleaned_data["code"]):
        devices.turn_off(request.user)
        messages.success(request, _("La verificación en dos pasos está desactivada."))
        return redirect("accounts_two_factor")
    if throttling.count_failure(request):
        return locked_out(request)
    messages.error(request, _("El código no es válido: la verificación en dos pasos sigue activada."))
    return redirect("accounts_two_factor")


def _next_url(request):
    target = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME)
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


@require_http_methods(["GET", "POST"])
def verify(request):
    """The second step of the admin log-in: a code from the app or a backup code (which then stops working)."""
    if not devices.is_enabled(request.user) or request.user.is_verified():
        return redirect(_next_url(request))
    if throttling.is_locked(request):
        return locked_out(request)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = django_otp.match_token(request.user, form.cleaned_data["code"])
        if device is not None:
            django_otp.login(request, device)
            return redirect(_next_url(request))
    if request.method == "POST":
        if throttling.count_failure(request):
            return locked_out(request)
        if form.is_valid():
            form.add_error("code", _("El código no es válido."))
    context = {"form": form, "next": _next_url(request)}
    return render(request, "accounts/two_factor/verify.html", context, status=400 if form.errors else 200)
