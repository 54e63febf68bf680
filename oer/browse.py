"""Read-side helpers for browsing the published catalogue: levels, grades, groups, related, newest."""

from collections import Counter, OrderedDict

from django.apps import apps
from django.core.cache import cache
from django.db.models import Count, F, Max
from django.utils.translation import gettext as _
from wagtail.models import PageViewRestriction

from oer import taxonomy
from oer.fields import list_contains
from oer.models import ResourceIndexPage, ResourcePage, WeeklyPlanPage
from oer.visibility import public_live, published_resources

SUMMARY_CACHE_SECONDS = 300


def resource_index():
    return ResourceIndexPage.objects.live().first()


def _narrowed(queryset, level=None, grade=None, field=None):
    """Narrow in SQL on the JSON text of the list columns (portable to SQLite and PostgreSQL).

    The text match is only a pre-filter: callers confirm membership in Python with `_matches`,
    so a grade "1" never wrongly counts for a list holding 10 should such grades ever exist.
    """
    for name, value in (("levels", level), ("grades", grade), ("fields", field)):
        if value is not None and value != "":
            queryset = queryset.filter(list_contains(name, [value]))
    return queryset


def _matches(resource, level=None, grade=None, field=None):
    return (
        (level is None or level in (resource.levels or []))
        and (grade is None or grade in (resource.grades or []))
        and (field is None or field in (resource.fields or []))
    )


def _curriculum_counts():
    """Resource counts per level and per (level, grade), cached until the catalogue changes.

    The fingerprint (live count and latest publication, and the view restrictions' count and
    newest id) is two cheap aggregates; the full scan of the list columns only happens after a
    publish, unpublish, deletion or a restriction set or cleared.
    """
    fingerprint = ResourcePage.objects.live().aggregate(n=Count("pk"), last=Max("last_published_at"))
    restrictions = PageViewRestriction.objects.aggregate(n=Count("pk"), last=Max("pk"))
    last = fingerprint["last"].isoformat() if fingerprint["last"] else "-"
    key = f"oer:browse:counts:{fingerprint['n']}:{last}:{restrictions['n']}:{restrictions['last']}"
    counts = cache.get(key)
    if counts is None:
        levels, grades = Counter(), Counter()
        for resource_levels, resource_grades in published_resources().values_list("levels", "grades"):
            for level in set(resource_levels or []):
                levels[level] += 1
                for grade in set(resource_grades or []):
                    if grade in taxonomy.GRADES_BY_LEVEL.get(level, ()):
                        grades[f"{level}:{grade}"] += 1
        counts = {"levels": dict(levels), "grades": dict(grades)}
        cache.set(key, counts, SUMMARY_CACHE_SECONDS)
    return counts


def level_summaries():
    """Each level with its published resource count and its grades, in curriculum order."""
    counts = _curriculum_counts()
    return [
        {
            "slug": level.slug,
            "label": level.label,
            "count": counts["levels"].get(level.slug, 0),
            "grades": grade_summaries(level.slug, counts),
        }
        for level in taxonomy.LEVELS
    ]


def grade_summaries(level, counts=None):
    counts = counts or _curriculum_counts()
    return [
        {
            "number": grade,
            "label": taxonomy.grade_label(level, grade),
            "short": taxonomy.GRADE_ORDINALS[grade],
            "count": counts["grades"].get(f"{level}:{grade}", 0),
            "fase": taxonomy.fase_for(level, grade),
        }
        for grade in taxonomy.GRADES_BY_LEVEL.get(level, ())
    ]


def resources_for(level, grade):
    """Published resources of a level (and grade, when given), ordered by title."""
    candidates = _narrowed(published_resources(), level=level, grade=grade).defer_streamfields().order_by("title")
    return [resource for resource in candidates if _matches(resource, level=level, grade=grade)]


def grouped_resources(level, grade):
    """Resources grouped by campo formativo (or 'Otros' when a resource names none), with type counts."""
    groups = OrderedDict(
        (field.slug, {"label": field.label, "slug": field.slug, "resources": []}) for field in taxonomy.FIELDS
    )
    other = {"label": _("Otros"), "slug": "otros", "resources": []}
    for resource in resources_for(level, grade):
        targets = [groups[slug] for slug in resource.fields if slug in groups] or [other]
        for group in targets:
            group["resources"].append(resource)
    result = [group for group in groups.values() if group["resources"]]
    if other["resources"]:
        result.append(other)
    for group in result:
        group["types"] = type_counts(group["resources"])
    return result


def type_counts(resources):
    """How many resources of each type, in the vocabulary's order, skipping absent types."""
    counts = Counter(resource.kind for resource in resources)
    return [
        {"slug": term.slug, "label": term.label, "count": counts[term.slug]}
        for term in taxonomy.RESOURCE_TYPES
        if counts[term.slug]
    ]


def newest_resources(limit=8):
    return list(published_resources().defer_streamfields().order_by("-first_published_at", "-pk")[:limit])


def current_weekly_plan():
    """The published weekly plan of the latest school week."""
    return (
        public_live(WeeklyPlanPage.objects.all())
        .defer_streamfields()
        .order_by(
            F("week_year").desc(nulls_last=True),
            F("week_number").desc(nulls_last=True),
            "-first_published_at",
        )
        .first()
    )


def related_resources(page, limit=4):
    """A few resources sharing the page's level, grade and campo formativo; newest first.

    Tries the closest match first (level + grade + field) and widens only when it finds too few,
    so the usual case is a single small query.
    """
    level = page.levels[0] if page.levels else None
    grades = [g for g in page.grades if level and g in taxonomy.GRADES_BY_LEVEL.get(level, ())]
    field = page.fields[0] if page.fields else None
    attempts = [
        {"level": level, "grade": grades[0] if grades else None, "field": field},
        {"level": level, "grade": grades[0] if grades else None},
        {"level": level, "field": field},
    ]
    found, seen = [], {page.pk}
    base = published_resources().exclude(pk=page.pk).defer_streamfields().order_by("-first_published_at", "-pk")
    for criteria in attempts:
        if not criteria["level"]:
            break
        for resource in _narrowed(base.exclude(pk__in=seen), **criteria)[: limit * 3]:
            if len(found) < limit and _matches(resource, **criteria):
                found.append(resource)
                seen.add(resource.pk)
        if len(found) >= limit:
            break
    return found


def course_tracks(limit=6):
    """Published course tracks, when the courses app defines a track page type; else nothing."""
    try:
        config = apps.get_app_config("courses")
    except LookupError:
        return []
    from wagtail.models import Page

    track_models = [
        model
        for model in config.get_models()
        if issubclass(model, Page) and "track" in model.__name__.lower() and not model._meta.abstract
    ]
    if not track_models:
        return []
    model = track_models[0]
    return list(public_live(model.objects.all()).defer_streamfields().order_by("path")[:limit])
