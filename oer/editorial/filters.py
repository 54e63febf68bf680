"""Filters of the editors' resource listing: level, grade, type, campo formativo and status."""

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, OuterRef
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from django_filters import ChoiceFilter, MultipleChoiceFilter
from wagtail.admin.views.pages.listing import PageFilterSet
from wagtail.models import Page, Revision, WorkflowState

from oer import taxonomy
from oer.fields import list_contains
from oer.models import ResourcePage

STATUS_CHOICES = [
    ("live", _("Publicado")),
    ("draft", _("Borrador (nunca publicado o retirado)")),
    ("changed", _("Publicado con cambios sin publicar")),
    ("in_review", _("En revisión")),
    ("scheduled", _("Publicación programada")),
    ("locked", _("Bloqueado")),
]


class ResourceFilterSet(PageFilterSet):
    kind = MultipleChoiceFilter(
        label=_("Tipo de recurso"), choices=taxonomy.RESOURCE_TYPES.choices, widget=forms.CheckboxSelectMultiple
    )
    level = MultipleChoiceFilter(
        label=_("Nivel"),
        choices=taxonomy.LEVELS.choices,
        method="filter_json_list",
        field_name="levels",
        widget=forms.CheckboxSelectMultiple,
    )
    grade = MultipleChoiceFilter(
        label=_("Grado"),
        choices=[(str(n), str(n)) for n in range(1, 7)],
        method="filter_json_list",
        field_name="grades",
        widget=forms.CheckboxSelectMultiple,
    )
    field = MultipleChoiceFilter(
        label=_("Campo formativo"),
        choices=taxonomy.FIELDS.choices,
        method="filter_json_list",
        field_name="fields",
        widget=forms.CheckboxSelectMultiple,
    )
    status = ChoiceFilter(
        label=_("Estado"),
        choices=STATUS_CHOICES,
        method="filter_status",
        empty_label=_("Cualquiera"),
        widget=forms.RadioSelect,
    )

    class Meta:
        model = ResourcePage
        fields = []

    def filter_json_list(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(list_contains(name, value))

    def filter_status(self, queryset, name, value):
        page_id = Cast(OuterRef("pk"), output_field=CharField())
        if value == "live":
            return queryset.filter(live=True, has_unpublished_changes=False)
        if value == "draft":
            return queryset.filter(live=False)
        if value == "changed":
            return queryset.filter(live=True, has_unpublished_changes=True)
        if value == "in_review":
            states = WorkflowState.objects.filter(
                status=WorkflowState.STATUS_IN_PROGRESS,
                base_content_type=ContentType.objects.get_for_model(Page),
                object_id=page_id,
            )
            return queryset.filter(Exists(states))
        if value == "scheduled":
            return queryset.filter(
                Exists(Revision.page_revisions.filter(approved_go_live_at__isnull=False, object_id=page_id))
            )
        if value == "locked":
            return queryset.filter(locked=True)
        return queryset
