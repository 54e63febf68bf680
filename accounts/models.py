"""Which groups must use two-factor verification, and the accounts still waiting to confirm their mail."""

from django import forms
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


@register_setting(icon="lock")
class SecuritySettings(BaseGenericSetting):
    """Set by an administrator in the admin under Ajustes → Seguridad."""

    two_factor_groups = models.ManyToManyField(
        Group,
        blank=True,
        related_name="+",
        verbose_name=_("Grupos que deben usar la verificación en dos pasos"),
        help_text=_(
            "Quien pertenezca a uno de estos grupos y aún no la tenga, al entrar al admin solo podrá activarla."
        ),
    )

    panels = [FieldPanel("two_factor_groups", widget=forms.CheckboxSelectMultiple)]

    class Meta:
        verbose_name = _("Seguridad")


class PendingEmailVerification(models.Model):
    """An account created while ACERVO_REQUIRE_EMAIL_VERIFICATION was on whose mail is not confirmed yet."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pending_email_verification"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("correo por confirmar")
        verbose_name_plural = _("correos por confirmar")
