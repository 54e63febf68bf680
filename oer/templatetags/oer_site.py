"""Template helpers of the public site: canonical URLs, JSON-LD, type icons, labels and related resources."""

import json

from django import template
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from acervo import public_address
from oer import browse, jsonld, taxonomy

register = template.Library()

# JSON inside <script> must not be able to close the element or open a comment.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}

LABEL_VOCABULARIES = {**taxonomy.VOCABULARIES, "day": taxonomy.WEEKDAYS}


@register.simple_tag(takes_context=True)
def canonical_url(context, path=None):
    """The absolute address of this page at the public address (ACERVO_BASE_URL), without query string."""
    request = context.get("request")
    if path is None:
        path = request.path if request is not None else "/"
    return public_address.absolute(path)


@register.simple_tag(takes_context=True)
def resource_jsonld(context, page):
    """A <script type="application/ld+json"> element describing the resource page."""
    url = canonical_url(context, page.url)
    payload = json.dumps(jsonld.learning_resource(page, url), ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')


@register.simple_tag
def related_resources(page, limit=4):
    return browse.related_resources(page, limit=limit)


@register.simple_tag
def type_icon(kind, css_class="icon"):
    """A decorative SVG icon for a resource type (the text beside it names the type)."""
    return format_html(
        '<svg class="{}" aria-hidden="true" focusable="false" width="24" height="24"><use href="{}#{}"></use></svg>',
        css_class,
        static("icons/types.svg"),
        kind,
    )


@register.filter
def term_label(slug, vocabulary):
    """The Spanish label of a vocabulary slug, e.g. {{ "miercoles"|term_label:"day" }} → Miércoles."""
    vocab = LABEL_VOCABULARIES.get(vocabulary)
    return vocab.label(slug) if vocab else slug


@register.filter
def language_code(slug):
    return jsonld.language_code(slug)


def _field(resource, name):
    """A list field of a resource page or of a search result (a plain dict)."""
    value = resource.get(name) if isinstance(resource, dict) else getattr(resource, name, None)
    return value or []


@register.filter
def grade_list(resource):
    """Short grade text for a card: '5.º' or '1.º y 2.º', only grades valid in the resource's levels."""
    valid = sorted(
        {
            g
            for g in _field(resource, "grades")
            for level in _field(resource, "levels")
            if g in taxonomy.GRADES_BY_LEVEL.get(level, ())
        }
    )
    marks = [f"{g}.º" for g in valid]
    if len(marks) > 1:
        return ", ".join(marks[:-1]) + " y " + marks[-1]
    return marks[0] if marks else ""


@register.filter
def fase_list(resource):
    """'Fase 5' style text for the NEM fases a resource or search result covers."""
    fases = taxonomy.fases_for(_field(resource, "levels"), _field(resource, "grades"))
    return ", ".join(str(taxonomy.FASES[fase]) for fase in fases)


@register.filter
def labels(slugs, vocabulary):
    """Spanish labels of a list of slugs, joined with commas."""
    return ", ".join(str(term_label(slug, vocabulary)) for slug in slugs or [])
