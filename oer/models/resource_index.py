"""The /recursos/ section: parent of every resource and the level → grade browser."""

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Page

from oer import taxonomy

# Only real level slugs are routes, so every other slug reaches the resource page of that name.
LEVEL_PATTERN = "|".join(level.slug for level in taxonomy.LEVELS)


class ResourceIndexPage(RoutablePageMixin, Page):
    """Holds all resources flat (a resource may span levels and grades) and browses them.

    Browsing is by route, not by tree position: /recursos/<nivel>/ and /recursos/<nivel>/<grado>/.
    """

    parent_page_types = ["oer.HomePage"]
    subpage_types = [
        "oer.TextbookPage",
        "oer.VideoLessonPage",
        "oer.AudioLessonPage",
        "oer.TeacherGuidePage",
        "oer.WeeklyPlanPage",
        "oer.ActivityPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("Índice de recursos")
        verbose_name_plural = _("Índices de recursos")

    @path("")
    def levels_view(self, request):
        from oer import browse

        context = {"levels": browse.level_summaries(), "crumbs": [{"label": _("Recursos"), "url": None}]}
        return self.render(request, context_overrides=context, template="oer/browse/levels.html")

    @re_path(rf"^(?P<level>{LEVEL_PATTERN})/$")
    def level_view(self, request, level):
        from oer import browse

        term = taxonomy.LEVELS.get(level)
        context = {
            "level": term,
            "grades": browse.grade_summaries(level),
            "crumbs": [{"label": _("Recursos"), "url": self.url}, {"label": term.label, "url": None}],
        }
        if not taxonomy.GRADES_BY_LEVEL.get(level):
            context["groups"] = browse.grouped_resources(level, None)
        return self.render(request, context_overrides=context, template="oer/browse/level.html")

    @re_path(rf"^(?P<level>{LEVEL_PATTERN})/(?P<grade>[0-9]{{1,2}})/$")
    def grade_view(self, request, level, grade):
        from oer import browse

        grade = int(grade)
        if grade not in taxonomy.GRADES_BY_LEVEL.get(level, ()):
            raise Http404
        term = taxonomy.LEVELS.get(level)
        label = taxonomy.grade_label(level, grade)
        context = {
            "level": term,
            "grade": grade,
            "grade_label": label,
            "fase": taxonomy.fase_for(level, grade),
            "groups": browse.grouped_resources(level, grade),
            "crumbs": [
                {"label": _("Recursos"), "url": self.url},
                {"label": term.label, "url": f"{self.url}{level}/"},
                {"label": label, "url": None},
            ],
        }
        return self.render(request, context_overrides=context, template="oer/browse/grade.html")

    def get_sitemap_urls(self, request=None):
        """The index plus every level and grade route, so crawlers find the browse pages."""
        entries = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        lastmod = self.last_published_at or self.latest_revision_created_at
        for level in taxonomy.LEVELS:
            entries.append({"location": f"{base}{level.slug}/", "lastmod": lastmod})
            for grade in taxonomy.GRADES_BY_LEVEL.get(level.slug, ()):
                entries.append({"location": f"{base}{level.slug}/{grade}/", "lastmod": lastmod})
        return entries
