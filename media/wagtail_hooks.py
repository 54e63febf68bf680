"""Admin registration: the video/audio asset listing and editor, and the upload page."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .forms import MediaAssetForm
from .models import MediaAsset
from .views import CompleteView, ResumeView, StartView, UploadView


class MediaAssetViewSet(SnippetViewSet):
    model = MediaAsset
    icon = "media"
    menu_label = _("Videos y audios")
    menu_order = 350
    add_to_admin_menu = True
    list_display = ["title", "kind", "duration_seconds", "created_at"]
    list_filter = ["kind"]
    search_fields = ["title", "transcript"]
    edit_handler = ObjectList(MediaAsset.panels, base_form_class=MediaAssetForm)


register_snippet(MediaAssetViewSet)


@hooks.register("register_admin_urls")
def register_upload_urls():
    return [
        path("medios/subir/", UploadView.as_view(), name="acervo_media_upload"),
        path("medios/subir/iniciar/", StartView.as_view(), name="acervo_media_upload_start"),
        path("medios/subir/reanudar/", ResumeView.as_view(), name="acervo_media_upload_resume"),
        path("medios/subir/completar/", CompleteView.as_view(), name="acervo_media_upload_complete"),
    ]


class UploadMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("acervo_media.add_mediaasset")


@hooks.register("register_admin_menu_item")
def register_upload_menu_item():
    return UploadMenuItem(_("Subir video o audio"), reverse("acervo_media_upload"), icon_name="upload", order=351)
