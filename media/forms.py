"""Admin upload forms for images, documents and media assets, each refusing invalid files."""

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from .storage_errors import check_reachable
from .validation import validate_upload


def _validated(form, categories):
    file = form.cleaned_data.get("file")
    # Only a newly uploaded file is checked: an unchanged one already passed when it arrived.
    if isinstance(file, UploadedFile):
        validate_upload(file, categories)
        check_reachable()
    return file


class ValidatedImageForm(BaseImageForm):
    """Wagtail's image form; JPEG, PNG and WebP only, checked by content."""

    def clean_file(self):
        return _validated(self, {"image"})

    def clean(self):
        cleaned = super().clean()
        # Wagtail's field refuses unreadable images before clean_file runs, with a vaguer
        # message; when ours knows why (an SVG, a renamed PDF), the editor sees ours instead.
        upload = self.files.get(self.add_prefix("file"))
        if upload is not None and "file" in self._errors:
            try:
                validate_upload(upload, {"image"})
            except ValidationError as error:
                self._errors["file"] = self.error_class(error.messages)
        return cleaned


class ValidatedDocumentForm(BaseDocumentForm):
    """Wagtail's document form; the type is checked by content, PDFs must open."""

    def clean_file(self):
        return _validated(self, {"document"})


class MediaAssetForm(WagtailAdminModelForm):
    """The video/audio asset form: the file must be a video or audio of the chosen kind."""

    def clean(self):
        cleaned = super().clean()
        file = cleaned.get("file")
        if isinstance(file, UploadedFile):
            kind = cleaned.get("kind") or "video"
            try:
                fmt = validate_upload(file, {kind})
                check_reachable()
            except ValidationError as error:
                self.add_error("file", error)
            else:
                self.instance.content_type = fmt.mime_type
                self.instance.size_bytes = file.size
        return cleaned
