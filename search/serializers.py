"""OpenAPI description of the search API's responses (the views build plain dicts)."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers


@extend_schema_field({"oneOf": [{"type": "string"}, {"type": "integer"}]})
class FacetValueField(serializers.Field):
    """A slug, or a grade number for the grade facet."""


class PageHitSerializer(serializers.Serializer):
    page = serializers.IntegerField(min_value=1, help_text="Número de página del libro, desde 1.")
    snippet = serializers.CharField(allow_blank=True, help_text="HTML escapado; las coincidencias van en <mark>.")
    url = serializers.CharField(help_text="Abre el libro en esa página con las coincidencias resaltadas.")


class ResultSerializer(serializers.Serializer):
    external_id = serializers.CharField()
    title = serializers.CharField()
    url = serializers.CharField()
    type = serializers.CharField()
    levels = serializers.ListField(child=serializers.CharField())
    grades = serializers.ListField(child=serializers.IntegerField())
    fields = serializers.ListField(child=serializers.CharField())
    subjects = serializers.ListField(child=serializers.CharField())
    language = serializers.CharField()
    snippet = serializers.CharField(allow_blank=True, help_text="HTML escapado; las coincidencias van en <mark>.")
    pages = PageHitSerializer(
        many=True,
        required=False,
        max_length=3,
        help_text="Solo cuando coinciden páginas del libro: las mejores, a lo sumo 3, la mejor primero.",
    )
    page_hits = serializers.IntegerField(
        required=False, min_value=1, help_text="Solo cuando coinciden páginas del libro: cuántas coinciden."
    )
    promoted = serializers.BooleanField(
        required=False,
        help_text="Solo en los resultados promocionados por el equipo editorial para esta búsqueda (siempre true).",
    )


class FacetValueSerializer(serializers.Serializer):
    value = FacetValueField()
    label = serializers.CharField()
    count = serializers.IntegerField()


class FacetsSerializer(serializers.Serializer):
    type = FacetValueSerializer(many=True)
    level = FacetValueSerializer(many=True)
    grade = FacetValueSerializer(many=True)
    field = FacetValueSerializer(many=True)
    subject = FacetValueSerializer(many=True)
    language = FacetValueSerializer(many=True)
    accessibility = FacetValueSerializer(many=True)
    license = FacetValueSerializer(many=True)


class SearchResponseSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    page = serializers.IntegerField()
    page_size = serializers.IntegerField()
    results = ResultSerializer(many=True)
    facets = FacetsSerializer()
    suggestion = serializers.CharField(allow_null=True)


class SuggestResponseSerializer(serializers.Serializer):
    suggestions = serializers.ListField(child=serializers.CharField())


class ErrorsSerializer(serializers.Serializer):
    errors = serializers.DictField(child=serializers.CharField())
