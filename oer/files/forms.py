"""The resource edit form in the admin, with a field to attach or replace the resource's stored file."""

import tempfile

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminPageForm

from media.storage_errors import STORAGE_ERRORS, unavailable_error
from media.stored_files import CHUNK, Digest, store_path

from .record_files import check_local_file, kind_label


class ResourcePageForm(WagtailAdminPageForm):
    """Adds `archivo`: an upload checked like every other (type by content, size, broken PDFs)."""

    archivo = forms.FileField(
        required=False,
        label=gettext_lazy("Archivo del recurso"),
        help_text=gettext_lazy(
            "El PDF del libro, guía, actividad o plan, o el video o audio. Sube otro para reemplazarlo."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        stored = getattr(self.instance, "stored_file", None)
        field = self.fields.get("archivo")
        if field is not None and stored is not None:
            facts = [stored.mime_type, filesizeformat(stored.size_bytes)]
            if stored.page_count:
                facts.append(_("%(n)d páginas") % {"n": stored.page_count})
            field.help_text = _("Archivo actual: %(name)s (%(facts)s). Sube otro para reemplazarlo.") % {
                "name": stored.original_name or stored.file.name,
                "facts": ", ".join(facts),
            }

    def clean_archivo(self):
        upload = self.cleaned_data.get("archivo")
        if not upload:
            return None
        kind = getattr(self.instance, "resource_type", None) or self.instance.kind
        with tempfile.NamedTemporaryFile(suffix=".upload") as temporary:
            for chunk in upload.chunks(CHUNK):
                temporary.write(chunk)
            temporary.flush()
            checked, problem = check_local_file(temporary.name, upload.name, kind)
            if problem:
                raise forms.ValidationError(
                    _("%(problem)s. Este tipo de recurso necesita %(expected)s.")
                    % {"problem": problem.rstrip("."), "expected": kind_label(kind)}
                )
            # Stored now, while the upload is at hand; the same bytes are kept once, so a form that
            # fails on another field costs nothing when it is sent again.
            try:
                stored, _created = store_path(
                    temporary.name,
                    upload.name,
                    checked.categories,
                    digest=Digest(checked.sha256, checked.size),
                    checked=True,
                )
            except STORAGE_ERRORS:
                raise unavailable_error() from None
        return stored

    def save(self, commit=True):
        stored = self.cleaned_data.get("archivo")
        if stored is not None:
            from . import api

            self.instance.stored_file = stored
            api.kick_worker()
        return super().save(commit=commit)
