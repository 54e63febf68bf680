"""Course content as Wagtail pages: catalogue → track → course → module → lesson."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from courses.blocks import LessonBodyBlock
from oer import taxonomy


class CourseIndexPage(Page):
    """The course catalogue at /cursos/: every track and its courses."""

    intro = models.TextField(blank=True, verbose_name=_("Introducción"))

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["oer.HomePage"]
    subpage_types = ["courses.TrackPage"]
    max_count = 1

    class Meta:
        verbose_name = _("Catálogo de cursos")
        verbose_name_plural = _("Catálogos de cursos")

    def get_context(self, request, *args, **kwargs):
        from courses import api

        context = super().get_context(request, *args, **kwargs)
        context["tracks"] = TrackPage.objects.child_of(self).live().public().specific()
        context["enrolled_ids"] = api.enrolled_course_ids(request.user)
        return context


class TrackPage(Page):
    """A learning track (itinerario): a group of courses with one purpose, e.g. continuing training."""

    summary = models.TextField(blank=True, verbose_name=_("Resumen"))
    audience = models.CharField(
        max_length=20, choices=taxonomy.AUDIENCES.choices, default="docente", verbose_name=_("Público")
    )

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("audience")]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.CoursePage"]

    class Meta:
        verbose_name = _("Itinerario")
        verbose_name_plural = _("Itinerarios")

    @property
    def courses(self):
        return CoursePage.objects.child_of(self).live().public().specific()

    def get_context(self, request, *args, **kwargs):
        from courses import api

        context = super().get_context(request, *args, **kwargs)
        context["enrolled_ids"] = api.enrolled_course_ids(request.user)
        return context


class CompletionRule(models.TextChoices):
    REQUIRED_LESSONS = "required", _("Lecciones obligatorias completadas y sus cuestionarios aprobados")
    ALL_LESSONS = "all", _("Todas las lecciones completadas y todos los cuestionarios aprobados")


class CoursePage(Page):
    """A self-paced course; its slug is unique among courses because the learner API addresses it."""

    summary = models.TextField(verbose_name=_("Resumen"))
    description = RichTextField(
        blank=True, features=["bold", "italic", "ol", "ul", "link"], verbose_name=_("Descripción")
    )
    hours = models.PositiveSmallIntegerField(default=1, verbose_name=_("Horas estimadas"))
    level = models.CharField(
        max_length=30, choices=taxonomy.LEVELS.choices, blank=True, verbose_name=_("Nivel educativo")
    )
    audience = models.CharField(
        max_length=20, choices=taxonomy.AUDIENCES.choices, default="docente", verbose_name=_("Público")
    )
    prerequisites = models.TextField(blank=True, verbose_name=_("Requisitos previos"))
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Imagen"),
    )
    completion_rule = models.CharField(
        max_length=20,
        choices=CompletionRule.choices,
        default=CompletionRule.REQUIRED_LESSONS,
        verbose_name=_("Regla para completar el curso"),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("image"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("hours"), FieldPanel("level"), FieldPanel("audience")]),
                FieldPanel("prerequisites"),
                FieldPanel("completion_rule"),
            ],
            heading=_("Datos del curso"),
        ),
    ]
    parent_page_types = ["courses.TrackPage"]
    subpage_types = ["courses.ModulePage"]

    class Meta:
        verbose_name = _("Curso")
        verbose_name_plural = _("Cursos")

    def clean(self):
        super().clean()
        clash = CoursePage.objects.filter(slug=self.slug).exclude(pk=self.pk)
        if clash.exists():
            raise ValidationError({"slug": _("Ya existe otro curso con este slug; elige uno distinto.")})

    @property
    def track(self):
        return self.get_parent().specific

    @property
    def modules(self):
        return ModulePage.objects.child_of(self).live().public().specific()

    @property
    def lessons(self):
        """Live lessons of the course in reading order (tree order)."""
        return LessonPage.objects.descendant_of(self).live().public().order_by("path")

    def get_context(self, request, *args, **kwargs):
        from courses import api

        context = super().get_context(request, *args, **kwargs)
        context["enrolment"] = api.get_enrolment(request.user, self)
        if context["enrolment"]:
            context["summary"] = api.course_summary(request.user, self, request=request)
        return context


class ModulePage(Page):
    """A unit of a course grouping lessons."""

    summary = models.TextField(blank=True, verbose_name=_("Resumen"))

    content_panels = Page.content_panels + [FieldPanel("summary")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = ["courses.LessonPage"]

    class Meta:
        verbose_name = _("Módulo")
        verbose_name_plural = _("Módulos")

    @property
    def lessons(self):
        return LessonPage.objects.child_of(self).live().public()


class LessonPage(Page):
    """One lesson: text, video, links to repository resources and files, optionally a quiz."""

    required = models.BooleanField(
        default=True,
        verbose_name=_("Obligatoria"),
        help_text=_("Las lecciones obligatorias cuentan para completar el curso."),
    )
    body = StreamField(LessonBodyBlock(), blank=True, verbose_name=_("Contenido"))

    content_panels = Page.content_panels + [
        FieldPanel("required"),
        FieldPanel("body"),
        InlinePanel("quizzes", max_num=1, label=_("Cuestionario")),
    ]
    parent_page_types = ["courses.ModulePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Lección")
        verbose_name_plural = _("Lecciones")

    @cached_property
    def quiz(self):
        return self.quizzes.first()

    @cached_property
    def course(self):
        return CoursePage.objects.ancestor_of(self).first()

    def get_context(self, request, *args, **kwargs):
        from courses import lesson_context

        context = super().get_context(request, *args, **kwargs)
        context.update(lesson_context.build(self, request))
        return context
