"""The concrete resource types an editor can create; each adds only what is its own."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField

from oer.blocks import PlanDaysBlock

from .resource import ResourcePage


class TextbookPage(ResourcePage):
    """A free textbook (libro de texto gratuito), usually a CONALITEG PDF."""

    resource_type = "textbook"
    page_count = models.PositiveIntegerField(null=True, blank=True, verbose_name=_("Número de páginas"))
    file_size_bytes = models.PositiveBigIntegerField(
        null=True, blank=True, verbose_name=_("Tamaño del archivo (bytes)")
    )

    content_panels = ResourcePage.content_panels + [
        FieldRowPanel([FieldPanel("page_count"), FieldPanel("file_size_bytes")], heading=_("Libro")),
    ]

    class Meta:
        verbose_name = _("Libro de texto")
        verbose_name_plural = _("Libros de texto")


class TimedMediaFields(models.Model):
    """Duration, transcript and caption tracks shared by video and audio lessons."""

    media_asset = models.ForeignKey(
        "acervo_media.MediaAsset",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Archivo subido"),
        help_text=_("Video o audio subido al acervo; si se elige, se reproduce en lugar del archivo (URL)."),
    )
    duration_seconds = models.PositiveIntegerField(null=True, blank=True, verbose_name=_("Duración (segundos)"))
    transcript = models.TextField(blank=True, verbose_name=_("Transcripción"))
    captions = models.JSONField(
        default=list,
        blank=True,
        verbose_name=_("Subtítulos"),
        help_text=_('Lista de pistas: [{"language": "es", "url": "https://…/archivo.vtt"}].'),
    )

    media_panels = [
        MultiFieldPanel(
            [
                FieldPanel("media_asset"),
                FieldPanel("duration_seconds"),
                FieldPanel("transcript"),
                FieldPanel("captions"),
            ],
            heading=_("Medio"),
        )
    ]

    class Meta:
        abstract = True

    @property
    def duration_label(self):
        if not self.duration_seconds:
            return ""
        minutes, seconds = divmod(self.duration_seconds, 60)
        hours, minutes = divmod(minutes, 60)
        if hours:
            return f"{hours} h {minutes:02d} min"
        return f"{minutes} min {seconds:02d} s"

    @property
    def iso_duration(self):
        return f"PT{self.duration_seconds}S" if self.duration_seconds else ""


class VideoLessonPage(TimedMediaFields, ResourcePage):
    """A TV-style video lesson (Aprende en Casa) with captions and transcript."""

    resource_type = "video"
    content_panels = ResourcePage.content_panels + TimedMediaFields.media_panels

    class Meta:
        verbose_name = _("Video")
        verbose_name_plural = _("Videos")


class AudioLessonPage(TimedMediaFields, ResourcePage):
    """A radio or audio lesson, often in a national indigenous language."""

    resource_type = "audio"
    content_panels = ResourcePage.content_panels + TimedMediaFields.media_panels

    class Meta:
        verbose_name = _("Audio / radio")
        verbose_name_plural = _("Audios")


class TeacherGuidePage(ResourcePage):
    """A guide for teachers (libro para el maestro, programa, orientaciones)."""

    resource_type = "teacher_guide"

    class Meta:
        verbose_name = _("Guía docente")
        verbose_name_plural = _("Guías docentes")


class WeeklyPlanPage(ResourcePage):
    """A week of learning: days, each with activities linked to other resources."""

    resource_type = "weekly_plan"
    week_year = models.PositiveSmallIntegerField(null=True, blank=True, verbose_name=_("Año del ciclo"))
    week_number = models.PositiveSmallIntegerField(null=True, blank=True, verbose_name=_("Semana"))
    days = StreamField(PlanDaysBlock(), blank=True, verbose_name=_("Días"))

    content_panels = ResourcePage.content_panels + [
        FieldRowPanel([FieldPanel("week_year"), FieldPanel("week_number")], heading=_("Semana")),
        FieldPanel("days"),
    ]

    class Meta:
        verbose_name = _("Plan semanal")
        verbose_name_plural = _("Planes semanales")


class ActivityPage(ResourcePage):
    """A printable activity sheet (ficha) or classroom activity."""

    resource_type = "activity"

    class Meta:
        verbose_name = _("Actividad / ficha")
        verbose_name_plural = _("Actividades")


RESOURCE_PAGE_CLASSES = {
    cls.resource_type: cls
    for cls in (TextbookPage, VideoLessonPage, AudioLessonPage, TeacherGuidePage, WeeklyPlanPage, ActivityPage)
}
