"""The site's log-in form refuses an account whose mail is not confirmed yet, and the re-send form."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from . import pending


class VerifiedLogInForm(AuthenticationForm):
    unverified = False

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if pending.is_pending(user):
            self.unverified = True
            raise forms.ValidationError(
                _("Antes de entrar confirma tu correo con el enlace que te enviamos."), code="unverified"
            )


class ResendForm(forms.Form):
    email = forms.EmailField(label=_("Correo electrónico"), max_length=254)
