"""Admin views to upload a video or audio: an ordinary form, or direct-to-S3 with JSON steps."""

import json

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import direct_upload
from .models import MediaAsset
from .storage_errors import check_reachable
from .validation import validate_upload

ADD_PERMISSION = "acervo_media.add_mediaasset"


class UploadForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Título"), max_length=255, required=False)
    kind = forms.ChoiceField(label=gettext_lazy("Tipo"), choices=MediaAsset.Kind.choices)
    file = forms.FileField(label=gettext_lazy("Archivo"))

    def clean(self):
        cleaned = super().clean()
        file, kind = cleaned.get("file"), cleaned.get("kind")
        if file and kind:
            try:
                cleaned["format"] = validate_upload(file, {kind})
                check_reachable()
            except ValidationError as error:
                self.add_error("file", error)
        return cleaned


class UploadView(WagtailAdminTemplateMixin, FormView):
    """The upload page; on local storage (or without JavaScript) the form posts the file itself."""

    form_class = UploadForm
    template_name = "acervo_media/upload.html"
    page_title = gettext_lazy("Subir video o audio")
    header_icon = "media"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(ADD_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["direct"] = direct_upload.s3_storage() is not None
        context["urls"] = {
            "start": reverse("acervo_media_upload_start"),
            "resume": reverse("acervo_media_upload_resume"),
            "complete": reverse("acervo_media_upload_complete"),
        }
        return context

    def form_valid(self, form):
        file = form.cleaned_data["file"]
        asset = MediaAsset.objects.create(
            title=form.cleaned_data["title"] or file.name.rsplit(".", 1)[0][:255],
            kind=form.cleaned_data["kind"],
            file=file,
            content_type=form.cleaned_data["format"].mime_type,
            size_bytes=file.size,
            uploaded_by=self.request.user,
        )
        messages.success(self.request, _("«%(title)s» se subió correctamente.") % {"title": asset.title})
        return redirect(asset_edit_url(asset))


def asset_edit_url(asset):
    return reverse("wagtailsnippets_acervo_media_mediaasset:edit", args=[asset.pk])


def errors(status, **messages_by_field):
    return JsonResponse({"errors": {k: str(v) for k, v in messages_by_field.items()}}, status=status)


def _text(body, field, required=True, max_length=255):
    value = body.get(field, "")
    if not isinstance(value, str) or (required and not value.strip()) or len(value) > max_length:
        raise ValidationError({field: _("Escribe un texto de hasta %(max)s caracteres.") % {"max": max_length}})
    return value.strip()


class DirectUploadStep(View):
    """Shared JSON plumbing of the direct-upload steps: permission, S3 only, body parsing."""

    http_method_names = ["post"]

    def post(self, request):
        if not request.user.has_perm(ADD_PERMISSION):
            return errors(403, permission=_("No tienes permiso para subir medios."))
        storage = direct_upload.s3_storage()
        if storage is None:
            return errors(409, storage=_("El almacenamiento es local: usa el formulario de subida normal."))
        try:
            body = json.loads(request.body or b"{}")
            if not isinstance(body, dict):
                raise ValueError
        except ValueError:
            return errors(400, body=_("El cuerpo de la petición debe ser un objeto JSON."))
        try:
            return self.step(request, storage, body)
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                return errors(400, **{k: " ".join(v[0].messages) for k, v in error.error_dict.items()})
            return errors(400, file=" ".join(error.messages))

    def step(self, request, storage, body):
        raise NotImplementedError


class StartView(DirectUploadStep):
    def step(self, request, storage, body):
        filename = _text(body, "filename")
        size = body.get("size")
        if not isinstance(size, int) or isinstance(size, bool) or size <= 0:
            raise ValidationError({"size": _("Indica el tamaño del archivo en bytes (un entero positivo).")})
        kind = body.get("kind")
        if kind not in MediaAsset.Kind.values:
            raise ValidationError({"kind": _("El tipo debe ser «video» o «audio».")})
        return JsonResponse(direct_upload.start(storage, filename, size, kind), status=201)


class ResumeView(DirectUploadStep):
    def step(self, request, storage, body):
        return JsonResponse(direct_upload.resume(storage, _text(body, "token", max_length=4000)))


class CompleteView(DirectUploadStep):
    def step(self, request, storage, body):
        token = _text(body, "token", max_length=4000)
        title = _text(body, "title", required=False)
        asset, created = direct_upload.complete(storage, token, title, request.user)
        return JsonResponse(
            {"id": asset.pk, "title": asset.title, "size": asset.size_bytes, "edit_url": asset_edit_url(asset)},
            status=201 if created else 200,
        )
