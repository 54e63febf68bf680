"""The site's home page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page


class HomePage(Page):
    """Acervo's front door: search first, then browsing by level and the newest resources."""

    intro = models.TextField(
        blank=True,
        verbose_name=_("Introducción"),
        help_text=_("Una o dos frases que explican qué encontrará el docente."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("Página de inicio")
        verbose_name_plural = _("Páginas de inicio")

    def get_context(self, request, *args, **kwargs):
        from oer import browse

        context = super().get_context(request, *args, **kwargs)
        context["levels"] = browse.level_summaries()
        context["weekly_plan"] = browse.current_weekly_plan()
        context["newest"] = browse.newest_resources(limit=6)
        context["tracks"] = browse.course_tracks()
        return context
