"""Video and audio assets with their caption tracks, stored through Django's storage API."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index

from media.languages import CAPTION_LANGUAGES, language_label
from media.validation import validate_upload


def validate_caption_file(value):
    # Only files arriving now; an already stored track is not downloaded again on every edit.
    if not getattr(value, "_committed", True):
        validate_upload(value, {"caption"})


class MediaAsset(index.Indexed, ClusterableModel):
    """A video or audio file with its poster, duration, transcript and caption tracks."""

    class Kind(models.TextChoices):
        VIDEO = "video", _("Video")
        AUDIO = "audio", _("Audio")

    title = models.CharField(max_length=255, verbose_name=_("Título"))
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.VIDEO, verbose_name=_("Tipo"))
    file = models.FileField(upload_to="assets/%Y/%m/", max_length=500, verbose_name=_("Archivo"))
    poster = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Imagen de portada"),
    )
    duration_seconds = models.PositiveIntegerField(null=True, blank=True, verbose_name=_("Duración (segundos)"))
    transcript = models.TextField(blank=True, verbose_name=_("Transcripción"))
    content_type = models.CharField(max_length=100, blank=True, editable=False)
    size_bytes = models.PositiveBigIntegerField(null=True, blank=True, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, editable=False, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("duration_seconds")]),
        FieldPanel("file"),
        FieldPanel("poster"),
        FieldPanel("transcript"),
        MultiFieldPanel([InlinePanel("captions", label=_("Pista"))], heading=_("Subtítulos")),
    ]
    search_fields = [index.SearchField("title"), index.SearchField("transcript"), index.FilterField("kind")]

    class Meta:
        verbose_name = _("Video o audio")
        verbose_name_plural = _("Videos y audios")
        ordering = ["-created_at"]

    def __str__(self):
        return self.title

    @property
    def url(self):
        return self.file.url if self.file else ""


class CaptionTrack(Orderable):
    """One WebVTT caption or subtitle track of an asset, in one language."""

    asset = ParentalKey(MediaAsset, on_delete=models.CASCADE, related_name="captions")
    language = models.CharField(max_length=8, choices=CAPTION_LANGUAGES, default="es", verbose_name=_("Lengua"))
    file = models.FileField(
        upload_to="captions/%Y/%m/",
        max_length=500,
        validators=[validate_caption_file],
        verbose_name=_("Archivo WebVTT"),
    )

    panels = [FieldRowPanel([FieldPanel("language"), FieldPanel("file")])]

    class Meta(Orderable.Meta):
        verbose_name = _("Pista de subtítulos")
        verbose_name_plural = _("Pistas de subtítulos")

    def __str__(self):
        return f"{self.asset} ({self.language})"

    @property
    def language_label(self):
        return language_label(self.language)

    @property
    def url(self):
        return self.file.url if self.file else ""
