"""The shared resource page: the catalogue record's metadata plus a free body."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from oer import taxonomy
from oer.blocks import BodyBlock
from oer.fields import SlugListField, StringListField
from oer.files.forms import ResourcePageForm


class ResourcePage(Page):
    """One educational resource of the catalogue; concrete types add what is theirs.

    The metadata mirrors the catalogue record (see docs/catalogo.md) so import and export are a mapping,
    and the fase is derived from level and grade, never typed.
    """

    resource_type = None  # set by each concrete type; stored in `kind` for queries

    external_id = models.CharField(
        max_length=200,
        unique=True,
        verbose_name=_("Identificador externo"),
        help_text=_("Identificador estable del catálogo, p. ej. conaliteg:2024:P5MLA."),
    )
    kind = models.CharField(max_length=20, choices=taxonomy.RESOURCE_TYPES.choices, editable=False, db_index=True)
    description = models.TextField(blank=True, verbose_name=_("Descripción"))
    levels = SlugListField(vocabulary="level", blank=False, verbose_name=_("Niveles"))
    grades = SlugListField(vocabulary="grade", verbose_name=_("Grados"))
    fields = SlugListField(vocabulary="field", verbose_name=_("Campos formativos"))
    subjects = SlugListField(vocabulary="subject", verbose_name=_("Asignaturas"))
    axes = SlugListField(vocabulary="axis", verbose_name=_("Ejes articuladores"))
    audience = SlugListField(vocabulary="audience", verbose_name=_("Público"))
    accessibility = SlugListField(vocabulary="accessibility", verbose_name=_("Accesibilidad"))
    language = models.CharField(
        max_length=8, choices=taxonomy.LANGUAGES.choices, default="es", verbose_name=_("Lengua")
    )
    license = models.CharField(
        max_length=30,
        choices=taxonomy.LICENSES.choices,
        default="sep-uso-educativo",
        verbose_name=_("Licencia"),
    )
    year = models.PositiveSmallIntegerField(null=True, blank=True, verbose_name=_("Año"))
    authors = StringListField(verbose_name=_("Autores"))
    publisher = models.CharField(max_length=200, blank=True, verbose_name=_("Editorial"))
    keywords = StringListField(verbose_name=_("Palabras clave"))
    file_url = models.URLField(max_length=500, blank=True, verbose_name=_("Archivo (URL)"))
    cover_url = models.URLField(max_length=500, blank=True, verbose_name=_("Portada (URL)"))
    stored_file = models.ForeignKey(
        "acervo_media.StoredFile",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Archivo guardado"),
        help_text=_("Copia del archivo que guarda el acervo (PDF, video o audio)."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("Contenido"))

    content_panels = Page.content_panels + [
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("levels"),
                FieldPanel("grades"),
                FieldPanel("fields"),
                FieldPanel("subjects"),
                FieldPanel("axes"),
            ],
            heading=_("Currículo"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("language"), FieldPanel("license")]),
                FieldPanel("audience"),
                FieldPanel("accessibility"),
            ],
            heading=_("Lengua, licencia y accesibilidad"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("authors"),
                FieldRowPanel([FieldPanel("publisher"), FieldPanel("year")]),
                FieldPanel("keywords"),
            ],
            heading=_("Autoría"),
        ),
        MultiFieldPanel(
            [FieldPanel("archivo"), FieldPanel("file_url"), FieldPanel("cover_url")], heading=_("Archivos")
        ),
        FieldPanel("body"),
    ]
    promote_panels = Page.promote_panels + [FieldPanel("external_id")]

    # Wagtail's own index serves the admin's page search; the public search lives in `search/`.
    search_fields = Page.search_fields + [
        index.SearchField("description"),
        index.SearchField("publisher"),
        index.AutocompleteField("external_id"),
        index.FilterField("kind"),
        index.FilterField("language"),
    ]

    parent_page_types = ["oer.ResourceIndexPage"]
    subpage_types = []
    is_creatable = False
    base_form_class = ResourcePageForm

    class Meta:
        verbose_name = _("Recurso")
        verbose_name_plural = _("Recursos")

    def save(self, *args, **kwargs):
        if self.resource_type:
            self.kind = self.resource_type
        return super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        from oer.catalog.record import curriculum_errors

        errors = curriculum_errors(self.levels, self.grades)
        if errors:
            raise ValidationError({"grades": errors})

    @cached_property
    def fases(self):
        return taxonomy.fases_for(self.levels, self.grades)

    @property
    def type_label(self):
        return taxonomy.RESOURCE_TYPES.label(self.kind)

    def labelled(self, vocabulary, slugs):
        return [taxonomy.VOCABULARIES[vocabulary].label(slug) for slug in slugs]

    @property
    def level_labels(self):
        return self.labelled("level", self.levels)

    @property
    def field_labels(self):
        return self.labelled("field", self.fields)

    @property
    def subject_labels(self):
        return self.labelled("subject", self.subjects)

    @property
    def axis_labels(self):
        return self.labelled("axis", self.axes)

    @property
    def audience_labels(self):
        return self.labelled("audience", self.audience)

    @property
    def accessibility_labels(self):
        return self.labelled("accessibility", self.accessibility)

    @property
    def language_label(self):
        return taxonomy.LANGUAGES.label(self.language)

    @property
    def license_label(self):
        return taxonomy.LICENSES.label(self.license)

    @property
    def license_url(self):
        return taxonomy.LICENSE_URLS.get(self.license, "")

    @property
    def fase_labels(self):
        return [str(taxonomy.FASES[f]) for f in self.fases]

    @property
    def grade_labels(self):
        return [
            taxonomy.grade_label(level, grade)
            for level in self.levels
            for grade in self.grades
            if grade in taxonomy.GRADES_BY_LEVEL.get(level, ())
        ]

    def get_template(self, request, *args, **kwargs):
        return f"oer/resources/{self.kind}.html"

    @property
    def breadcrumbs(self):
        crumbs = [{"label": _("Recursos"), "url": "/recursos/"}]
        if self.levels:
            level = self.levels[0]
            crumbs.append({"label": taxonomy.LEVELS.label(level), "url": f"/recursos/{level}/"})
            grades = [g for g in self.grades if g in taxonomy.GRADES_BY_LEVEL.get(level, ())]
            if len(grades) == 1:
                crumbs.append(
                    {"label": taxonomy.grade_label(level, grades[0]), "url": f"/recursos/{level}/{grades[0]}/"}
                )
        crumbs.append({"label": self.title, "url": None})
        return crumbs
