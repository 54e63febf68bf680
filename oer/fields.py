"""Model fields that hold short lists (levels, grades, keywords…) portably as JSON.

Lists are stored as JSON so the same schema works on SQLite and PostgreSQL; the form fields give
editors checkboxes for vocabularies and one-per-line text for free lists.
"""

from django import forms
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from . import taxonomy


class SlugListFormField(forms.TypedMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def prepare_value(self, value):
        return value or []


class SlugListField(models.JSONField):
    """A list of slugs from one vocabulary of `oer.taxonomy` (or grade numbers)."""

    def __init__(self, *args, vocabulary=None, **kwargs):
        self.vocabulary = vocabulary
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["vocabulary"] = self.vocabulary
        return name, path, args, kwargs

    def _vocabulary_choices(self):
        if self.vocabulary == "grade":
            return [(n, str(n)) for n in range(1, 7)], int
        return taxonomy.VOCABULARIES[self.vocabulary].choices, str

    def formfield(self, **kwargs):
        choices, coerce = self._vocabulary_choices()
        defaults = {
            "form_class": SlugListFormField,
            "choices": choices,
            "coerce": coerce,
            "required": not self.blank,
            "label": self.verbose_name,
            "help_text": self.help_text,
        }
        defaults.update(kwargs)
        form_class = defaults.pop("form_class")
        defaults.pop("encoder", None)
        defaults.pop("decoder", None)
        return form_class(**defaults)


class LineListFormField(forms.CharField):
    widget = forms.Textarea(attrs={"rows": 3})

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(value)
        return value

    def to_python(self, value):
        text = super().to_python(value) or ""
        return [line.strip() for line in text.splitlines() if line.strip()]


class StringListField(models.JSONField):
    """A free list of short strings (authors, keywords), edited one per line."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        defaults = {
            "required": not self.blank,
            "label": self.verbose_name,
            "help_text": self.help_text or _("Uno por línea."),
        }
        defaults.update(kwargs)
        for key in ("form_class", "encoder", "decoder"):
            defaults.pop(key, None)
        return LineListFormField(**defaults)


def list_contains(field_name, values):
    """Rows whose JSON list `field_name` holds any of `values`, portable to SQLite and PostgreSQL.

    A text match on the serialised list: slugs are matched with their quotes so "primaria" never
    matches a longer slug; grades are single digits (1-6), so the bare digit is exact.
    """
    condition = Q()
    for value in values:
        needle = str(value) if field_name == "grades" else f'"{value}"'
        condition |= Q(**{f"{field_name}__icontains": needle})
    return condition
