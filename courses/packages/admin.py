"""The course import in the Wagtail admin (Cursos → Importar curso): upload a package, get the same report.

Only people who may publish in /cursos/ see it: the import publishes pages there, like
import_course does. The upload is read from a temporary file and removed afterwards.
"""

import os
import tempfile

from django import forms
from django.core.exceptions import PermissionDenied
from django.template.defaultfilters import filesizeformat
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import View
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from courses.certificate_admin import can_publish_courses
from courses.models import TrackPage

from .importer import import_package
from .reader import max_bytes

SUFFIXES = (".imscc", ".zip", ".tar.gz", ".tgz")


class CourseUploadForm(forms.Form):
    package = forms.FileField(
        label=gettext_lazy("Paquete del curso"),
        help_text=gettext_lazy("Common Cartridge (.imscc, versiones 1.1 a 1.3) o exportación de Open edX (.tar.gz)."),
        error_messages={
            "required": gettext_lazy("Elige un archivo para importar."),
            "empty": gettext_lazy("El archivo está vacío."),
        },
    )
    track = forms.ModelChoiceField(
        queryset=TrackPage.objects.none(),
        required=False,
        to_field_name="slug",
        label=gettext_lazy("Itinerario"),
        help_text=gettext_lazy("Vacío: el itinerario actual del curso, o «Cursos importados» si es nuevo."),
    )
    skip_unsupported = forms.BooleanField(
        required=False,
        label=gettext_lazy("Omitir los elementos de tipos no admitidos (foros, LTI, tareas…)"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["track"].queryset = TrackPage.objects.order_by("title")

    def clean_package(self):
        uploaded = self.cleaned_data["package"]
        if not uploaded.name.lower().endswith(SUFFIXES):
            raise forms.ValidationError(_("El archivo debe terminar en .imscc, .zip o .tar.gz."))
        if uploaded.size > max_bytes():
            raise forms.ValidationError(
                _("El archivo pesa más de %(limit)s; impórtalo con «manage.py import_course».")
                % {"limit": filesizeformat(max_bytes())}
            )
        return uploaded


class CourseImportView(WagtailAdminTemplateMixin, View):
    page_title = gettext_lazy("Importar curso")
    header_icon = "upload"
    template_name = "courses/packages/import.html"

    def dispatch(self, request, *args, **kwargs):
        if not can_publish_courses(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def render(self, status=200, **context):
        return self.render_to_response(self.get_context_data(**context), status=status)

    def get(self, request):
        return self.render(form=CourseUploadForm())

    def post(self, request):
        form = CourseUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render(status=400, form=form)
        uploaded = form.cleaned_data["package"]
        track = form.cleaned_data["track"]
        with tempfile.TemporaryDirectory(prefix="acervo-curso-") as folder:
            local = os.path.join(folder, "paquete")
            with open(local, "wb") as handle:
                for chunk in uploaded.chunks():
                    handle.write(chunk)
            report = import_package(
                local,
                track_slug=track.slug if track else None,
                skip_unsupported=form.cleaned_data["skip_unsupported"],
                user=request.user,
                name=os.path.basename(uploaded.name)[:200],
            )
        return self.render(status=200 if report.ok else 400, form=CourseUploadForm(), report=report)


class CourseImportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_publish_courses(request.user)


def url_patterns():
    return [path("importar-curso/", CourseImportView.as_view(), name="courses_import")]


def menu_item():
    return CourseImportMenuItem(_("Importar curso"), reverse("courses_import"), icon_name="upload", order=165)
