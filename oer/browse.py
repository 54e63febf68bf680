"""Read-side helpers for browsing the published catalogue by level and grade."""

from collections import Counter, OrderedDict

from django.utils.translation import gettext as _

from oer import taxonomy
from oer.models import ResourceIndexPage, ResourcePage


def resource_index():
    return ResourceIndexPage.objects.live().first()


def published_resources():
    return ResourcePage.objects.live().public()


def _metadata_rows():
    return published_resources().values_list("levels", "grades")


def level_summaries():
    """Each level with the number of published resources in it, in curriculum order."""
    counts = Counter()
    for levels, _grades in _metadata_rows():
        counts.update(set(levels or []))
    return [
        {"slug": level.slug, "label": level.label, "count": counts.get(level.slug, 0),
         "grades": taxonomy.GRADES_BY_LEVEL.get(level.slug, ())}
        for level in taxonomy.LEVELS
    ]


def grade_summaries(level):
    counts = Counter()
    for levels, grades in _metadata_rows():
        if level in (levels or []):
            counts.update(set(grades or []))
    return [
        {"number": grade, "label": taxonomy.grade_label(level, grade), "count": counts.get(grade, 0),
         "fase": taxonomy.fase_for(level, grade)}
        for grade in taxonomy.GRADES_BY_LEVEL.get(level, ())
    ]


def resources_for(level, grade):
    """Published resources of a level (and grade, when given), filtered portably in Python."""
    ids = [
        pk
        for pk, levels, grades in published_resources().values_list("pk", "levels", "grades")
        if level in (levels or []) and (grade is None or grade in (grades or []))
    ]
    return published_resources().filter(pk__in=ids).order_by("title")


def grouped_resources(level, grade):
    """Resources grouped by campo formativo (or 'Otros' when a resource names none)."""
    groups = OrderedDict((field.slug, {"label": field.label, "slug": field.slug, "resources": []})
                         for field in taxonomy.FIELDS)
    other = {"label": _("Otros"), "slug": "otros", "resources": []}
    for resource in resources_for(level, grade):
        targets = [groups[f] for f in resource.fields if f in groups] or [other]
        for group in targets:
            group["resources"].append(resource)
    result = [g for g in groups.values() if g["resources"]]
    if other["resources"]:
        result.append(other)
    return result


def newest_resources(limit=8):
    return published_resources().order_by("-first_published_at")[:limit]
