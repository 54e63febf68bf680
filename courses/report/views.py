"""Informes → Cursos in the Wagtail admin: every course's enrolments and completion, then one course in depth.

Editors of /cursos/ (whoever may add, edit or publish course pages) see it; the figures are
aggregates, never a learner's name. Each course's page exports the same figures as CSV or XLSX.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import include, path, reverse, reverse_lazy
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page

from courses.models import CourseIndexPage, CoursePage
from oer.editorial.views import works_in_section

from . import chart, export, metrics

EXPORT_FORMATS = {"csv": export.as_csv, "xlsx": export.as_xlsx}


def can_view(user):
    """Editors, reviewers and administrators of /cursos/: anyone who may add, edit or publish course pages."""
    return works_in_section(user, CourseIndexPage.objects.first() or Page.get_first_root_node())


class CourseReportPermission:
    permission_policy = None

    def dispatch(self, request, *args, **kwargs):
        if not can_view(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def _rate(course):
    return f"{metrics.completion_rate(course.enrolment_count, course.completed_count) * 100:.1f} %"


class CourseListReportView(CourseReportPermission, ReportView):
    """Every course with its enrolments and completion rate; the title opens the course's report."""

    page_title = gettext_lazy("Cursos")
    header_icon = "list-ul"
    index_url_name = "acervo_course_report:index"
    index_results_url_name = "acervo_course_report:results"
    model = CoursePage
    verbose_name_plural = gettext_lazy("cursos")
    export_filename = "cursos-inscripciones"
    list_export = ["title", "slug", "enrolment_count", "completed_count", "completion_percent"]
    export_headings = {
        "title": gettext_lazy("Curso"),
        "slug": gettext_lazy("Slug"),
        "enrolment_count": gettext_lazy("Inscripciones"),
        "completed_count": gettext_lazy("Completaron"),
        "completion_percent": gettext_lazy("Tasa de finalización (%)"),
    }
    columns = [
        TitleColumn(
            "title",
            label=gettext_lazy("Curso"),
            get_url=lambda course: reverse("acervo_course_report:course", args=[course.pk]),
        ),
        Column("enrolment_count", label=gettext_lazy("Inscripciones")),
        Column("completed_count", label=gettext_lazy("Completaron")),
        Column("rate", label=gettext_lazy("Tasa de finalización"), accessor=_rate),
    ]

    def get_queryset(self):
        return metrics.courses_with_counts()

    def to_row_dict(self, item):
        item.completion_percent = round(metrics.completion_rate(item.enrolment_count, item.completed_count) * 100, 1)
        return super().to_row_dict(item)

    @cached_property
    def no_results_message(self):
        return _("Todavía no hay cursos. Crea uno en Páginas → Cursos.")


class CourseReportView(CourseReportPermission, WagtailAdminTemplateMixin, TemplateView):
    """One course: its figures, the drop-off chart per lesson and the difficulty of each quiz question."""

    template_name = "courses/report/course.html"
    header_icon = "list-ul"

    def get(self, request, *args, **kwargs):
        self.course = get_object_or_404(CoursePage, pk=kwargs["course_id"])
        fmt = request.GET.get("export")
        if fmt:
            if fmt not in EXPORT_FORMATS:
                raise Http404(_("Formato de exportación desconocido: usa csv o xlsx."))
            parts = export.sections(self.course, *self.figures())
            return EXPORT_FORMATS[fmt](f"curso-{slugify(self.course.slug)}", parts)
        return super().get(request, *args, **kwargs)

    def figures(self):
        return (
            metrics.course_figures(self.course),
            metrics.lesson_steps(self.course),
            metrics.question_stats(self.course),
        )

    def get_page_title(self):
        return _("Curso: %(title)s") % {"title": self.course.title}

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": "", "label": _("Informes")},
            {"url": reverse_lazy("acervo_course_report:index"), "label": _("Cursos")},
            {"url": "", "label": self.course.title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        figures, steps, questions = self.figures()
        here = reverse("acervo_course_report:course", args=[self.course.pk])
        context.update(
            course=self.course,
            figures=figures,
            steps=steps,
            questions=questions,
            chart=chart.funnel_bars(steps, figures.enrolments),
            csv_url=f"{here}?export=csv",
            xlsx_url=f"{here}?export=xlsx",
            edit_url=reverse("wagtailadmin_pages:edit", args=[self.course.pk]),
        )
        return context


class CourseReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view(request.user)


urls = (
    [
        path("", CourseListReportView.as_view(), name="index"),
        path("resultados/", CourseListReportView.as_view(results_only=True), name="results"),
        path("<int:course_id>/", CourseReportView.as_view(), name="course"),
    ],
    "acervo_course_report",
)


def url_patterns():
    return [path("informes/cursos/", include(urls))]


def menu_item():
    return CourseReportMenuItem(
        gettext_lazy("Cursos"), reverse("acervo_course_report:index"), name="courses", icon_name="list-ul", order=920
    )
