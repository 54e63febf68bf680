"""The one field every two-factor page asks for: a code from the app, or a backup code."""

from django import forms
from django.utils.translation import gettext_lazy as _


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Código"),
        max_length=32,
        help_text=_("Los 6 dígitos que muestra tu aplicación, o uno de tus códigos de respaldo."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )

    def clean_code(self):
        # People copy codes with spaces or dashes ("123 456", "ab12-cd34").
        code = "".join(self.cleaned_data["code"].split()).replace("-", "").lower()
        if not code.isalnum():
            raise forms.ValidationError(_("Escribe solo los dígitos o letras del código."))
        return code
