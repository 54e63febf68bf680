"""Mapping between a catalogue record and a resource page, in both directions."""

from django.utils.text import slugify

from oer.models import RESOURCE_PAGE_CLASSES, ResourcePage, WeeklyPlanPage

from .record import FIELDS, TIMED_TYPES, week_references

LOOKUP_BATCH = 2000

SIMPLE_FIELDS = (
    "title",
    "description",
    "levels",
    "grades",
    "fields",
    "subjects",
    "axes",
    "language",
    "license",
    "audience",
    "year",
    "authors",
    "publisher",
    "keywords",
    "accessibility",
)


def page_to_record(page, external_ids_by_pk=None):
    """The catalogue record of a (specific) resource page."""
    record = {field: None for field in FIELDS}
    record["external_id"] = page.external_id
    record["type"] = page.resource_type
    for field in SIMPLE_FIELDS:
        record[field] = getattr(page, field)
    record["description"] = page.description or ""
    record["publisher"] = page.publisher or ""
    record["file_url"] = page.file_url or None
    record["cover_url"] = page.cover_url or None
    record["captions"] = []
    if page.resource_type in TIMED_TYPES:
        record["duration_seconds"] = page.duration_seconds
        record["transcript"] = page.transcript or None
        record["captions"] = list(page.captions or [])
    if page.resource_type == "weekly_plan":
        record["week"] = week_from_page(page, external_ids_by_pk or {})
    return record


def week_from_page(page, external_ids_by_pk):
    days = []
    for block in page.days.raw_data:
        value = block["value"]
        days.append(
            {
                "day": value["day"],
                "activities": [
                    {
                        "title": activity.get("title", ""),
                        "description": activity.get("description", ""),
                        "resources": [
                            external_ids_by_pk[pk]
                            for pk in _list_values(activity.get("resources"))
                            if pk in external_ids_by_pk
                        ],
                    }
                    for activity in _list_values(value.get("activities"))
                ],
            }
        )
    if page.week_year is None and page.week_number is None and not days:
        return None
    return {"year": page.week_year, "number": page.week_number, "days": days}


def _list_values(items):
    """ListBlock raw data holds either plain values or {"type": "item", "value": …} items."""
    values = []
    for item in items or []:
        if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
            values.append(item["value"])
        else:
            values.append(item)
    return values


def plain_days(raw_days):
    """Stored days in the shape `week_to_days` writes: without block ids or ListBlock item
    wrappers, which Wagtail adds when a page is saved or edited and which mean nothing here."""
    return [
        {
            "type": block["type"],
            "value": {
                "day": block["value"]["day"],
                "activities": [
                    {
                        "title": activity.get("title", ""),
                        "description": activity.get("description", ""),
                        "resources": _list_values(activity.get("resources")),
                    }
                    for activity in _list_values(block["value"].get("activities"))
                ],
            },
        }
        for block in raw_days
    ]


def lookup_pks(external_ids):
    """Page pks of the given external ids, in one query per few thousand ids."""
    external_ids = sorted(set(external_ids))
    pks = {}
    for start in range(0, len(external_ids), LOOKUP_BATCH):
        pks.update(
            ResourcePage.objects.filter(external_id__in=external_ids[start : start + LOOKUP_BATCH]).values_list(
                "external_id", "pk"
            )
        )
    return pks


def plans_with_other_days(days_by_pk):
    """The stored weekly plans whose days differ from the given ones, ids and wrappers aside."""
    pks = list(days_by_pk)
    for start in range(0, len(pks), LOOKUP_BATCH):
        stored = WeeklyPlanPage.objects.filter(pk__in=pks[start : start + LOOKUP_BATCH]).values_list("pk", "days")
        changed = [pk for pk, days in stored if plain_days(days.raw_data) != days_by_pk[pk]]
        yield from WeeklyPlanPage.objects.filter(pk__in=changed) if changed else ()


def week_to_days(week, pks_by_external_id):
    if not week:
        return []
    return [
        {
            "type": "day",
            "value": {
                "day": day["day"],
                "activities": [
                    {
                        "title": activity["title"],
                        "description": activity["description"],
                        "resources": [
                            pks_by_external_id[ref] for ref in activity["resources"] if ref in pks_by_external_id
                        ],
                    }
                    for activity in day["activities"]
                ],
            },
        }
        for day in week["days"]
    ]


def new_page(record):
    cls = RESOURCE_PAGE_CLASSES[record["type"]]
    return cls(external_id=record["external_id"], kind=record["type"], slug=slugify(record["title"])[:70] or "recurso")


def apply_record(page, record):
    """Copy a clean record onto a page; a week that links resources is resolved later, once
    every page of the import exists (see importer)."""
    for field in SIMPLE_FIELDS:
        setattr(page, field, record[field] if record[field] is not None else _empty(field))
    page.file_url = record["file_url"] or ""
    page.cover_url = record["cover_url"] or ""
    if record["type"] in TIMED_TYPES:
        page.duration_seconds = record["duration_seconds"]
        page.transcript = record["transcript"] or ""
        page.captions = record["captions"]
    if record["type"] == "weekly_plan":
        week = record["week"] or {}
        page.week_year = week.get("year")
        page.week_number = week.get("number")
        if not week_references(record["week"]):
            page.days = week_to_days(record["week"], {})


def _empty(field):
    return "" if field in ("description", "publisher") else None
