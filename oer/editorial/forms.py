"""The upload form of the admin catalogue import, with its checks on the file itself."""

import os

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from .importing import ALLOWED_SUFFIXES, max_upload_bytes


class CatalogUploadForm(forms.Form):
    catalog = forms.FileField(
        label=_("Archivo del catálogo"),
        help_text=_("JSON Lines (.jsonl) con un recurso por línea, o CSV con el mismo encabezado que export_catalog."),
        error_messages={"required": _("Elige un archivo para importar."), "empty": _("El archivo está vacío.")},
    )

    def clean_catalog(self):
        uploaded = self.cleaned_data["catalog"]
        suffix = os.path.splitext(uploaded.name)[1].lower()
        if suffix not in ALLOWED_SUFFIXES:
            raise forms.ValidationError(_("El archivo debe terminar en .jsonl o .csv."))
        if uploaded.size > max_upload_bytes():
            raise forms.ValidationError(
                _("El archivo pesa más de %(limit)s; impórtalo con «manage.py import_catalog».")
                % {"limit": filesizeformat(max_upload_bytes())}
            )
        uploaded.suffix = suffix
        return uploaded


class ConfirmImportForm(forms.Form):
    token = forms.RegexField(regex=r"^[0-9a-f]{32}$", widget=forms.HiddenInput)
