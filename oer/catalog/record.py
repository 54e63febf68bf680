"""The catalogue record (see docs/catalogo.md): its fields and their validation, with Spanish reasons."""

import re
import unicodedata
from urllib.parse import urlparse

from django.utils.translation import gettext as _

from oer import taxonomy

LIST_VOCABULARIES = {
    "levels": taxonomy.LEVELS,
    "fields": taxonomy.FIELDS,
    "subjects": taxonomy.SUBJECTS,
    "axes": taxonomy.AXES,
    "audience": taxonomy.AUDIENCES,
    "accessibility": taxonomy.ACCESSIBILITY,
}

# Field order of the record; export writes them in this order.
FIELDS = (
    "external_id",
    "type",
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
    "file_url",
    "cover_url",
    "duration_seconds",
    "transcript",
    "captions",
    "week",
    "accessibility",
)

# A file Acervo holds: `file` (relative to `import_catalog --files DIR`) and its `sha256` are read
# on import; the facts measured from the stored file are written on export and ignored on import,
# so an export imports back unchanged (see docs/catalogo.md).
FILE_FIELDS = ("file", "sha256")
FILE_FACTS = ("sha256", "file_size_bytes", "page_count", "mime_type")
EXPORT_FIELDS = FIELDS + FILE_FACTS
ACCEPTED_FIELDS = frozenset(FIELDS + FILE_FIELDS + FILE_FACTS)

TIMED_TYPES = {"video", "audio"}
EXTERNAL_ID_RE = re.compile(r"^[\w.:/\-]+$")


class RecordErrors(list):
    def add(self, field, reason):
        self.append((field, reason))


def _is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


def _plain_day(value):
    return unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode().lower().strip()


def _check_url(errors, field, value):
    if value is None or value == "":
        return None
    if not isinstance(value, str) or len(value) > 500:
        errors.add(field, _("debe ser una URL de hasta 500 caracteres o null"))
        return None
    parsed = urlparse(value)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        errors.add(field, _("«%(value)s» no es una URL http(s) válida") % {"value": value[:80]})
        return None
    return value


def _check_string(errors, field, value, *, required=False, max_length=None):
    if value is None:
        if required:
            errors.add(field, _("es obligatorio"))
        return ""
    if not isinstance(value, str):
        errors.add(field, _("debe ser texto"))
        return ""
    value = value.strip()
    if required and not value:
        errors.add(field, _("es obligatorio y no puede estar vacío"))
    if max_length and len(value) > max_length:
        errors.add(field, _("no puede pasar de %(n)d caracteres") % {"n": max_length})
    return value


def _check_string_list(errors, field, value):
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        errors.add(field, _("debe ser una lista de textos"))
        return []
    return [item.strip() for item in value if item.strip()]


def _check_slug_list(errors, field, value, vocabulary):
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        errors.add(field, _("debe ser una lista de claves"))
        return []
    unknown = [item for item in value if item not in vocabulary]
    if unknown:
        errors.add(
            field,
            _("valor desconocido «%(values)s»; valores válidos: %(valid)s")
            % {"values": ", ".join(unknown), "valid": ", ".join(vocabulary.slugs)},
        )
    return list(dict.fromkeys(value))


def curriculum_errors(levels, grades):
    """Why these grades do not fit these levels (empty when they do)."""
    problems = []
    allowed = set()
    for level in levels or []:
        allowed.update(taxonomy.GRADES_BY_LEVEL.get(level, ()))
    for grade in grades or []:
        if grade not in allowed:
            problems.append(
                _("el grado %(grade)s no existe en %(levels)s")
                % {"grade": grade, "levels": ", ".join(levels) or _("ningún nivel")}
            )
    return problems


def _check_grades(errors, value, levels):
    if value is None:
        return []
    if not isinstance(value, list) or not all(_is_int(item) for item in value):
        errors.add("grades", _("debe ser una lista de números enteros"))
        return []
    for problem in curriculum_errors(levels, value):
        errors.add("grades", problem)
    return sorted(set(value))


def _check_captions(errors, value):
    if value is None:
        return []
    if not isinstance(value, list):
        errors.add("captions", _("debe ser una lista de pistas {language, url}"))
        return []
    tracks = []
    for position, track in enumerate(value, start=1):
        if not isinstance(track, dict) or set(track) - {"language", "url", "label"}:
            errors.add("captions", _("la pista %(n)d debe tener solo language y url") % {"n": position})
            continue
        if track.get("language") not in taxonomy.LANGUAGES:
            errors.add("captions", _("la pista %(n)d tiene una lengua desconocida") % {"n": position})
            continue
        url = _check_url(errors, "captions", track.get("url"))
        if not url:
            if track.get("url") in (None, ""):
                errors.add("captions", _("la pista %(n)d no tiene url") % {"n": position})
            continue
        tracks.append({"language": track["language"], "url": url})
    return tracks


def _check_week(errors, value):
    """A weekly plan: {"year", "number", "days": [{"day", "activities": [...]}]}."""
    if value is None:
        return None
    if not isinstance(value, dict):
        errors.add("week", _("debe ser un objeto con year, number y days"))
        return None
    week = {"year": value.get("year"), "number": value.get("number"), "days": []}
    if week["year"] is not None and not (_is_int(week["year"]) and 1990 <= week["year"] <= 2100):
        errors.add("week", _("year debe ser un año entre 1990 y 2100"))
    if week["number"] is not None and not (_is_int(week["number"]) and 1 <= week["number"] <= 53):
        errors.add("week", _("number debe ser una semana entre 1 y 53"))
    days = value.get("days") or []
    if not isinstance(days, list):
        errors.add("week", _("days debe ser una lista"))
        return week
    for position, day in enumerate(days, start=1):
        if not isinstance(day, dict):
            errors.add("week", _("el día %(n)d debe ser un objeto") % {"n": position})
            continue
        day_slug = _plain_day(str(day.get("day", "")))
        if day_slug not in taxonomy.WEEKDAYS:
            errors.add(
                "week", _("el día %(n)d tiene un nombre desconocido «%(day)s»") % {"n": position, "day": day.get("day")}
            )
            continue
        activities = []
        for activity in day.get("activities") or []:
            if (
                not isinstance(activity, dict)
                or not isinstance(activity.get("title"), str)
                or not activity["title"].strip()
            ):
                errors.add("week", _("cada actividad del día %(n)d necesita un título") % {"n": position})
                continue
            resources = activity.get("resources") or []
            if not isinstance(resources, list) or not all(isinstance(r, str) for r in resources):
                errors.add("week", _("los recursos de una actividad deben ser identificadores externos"))
                resources = []
            activities.append(
                {
                    "title": activity["title"].strip(),
                    "description": str(activity.get("description") or "").strip(),
                    "resources": resources,
                }
            )
        week["days"].append({"day": day_slug, "activities": activities})
    return week


def week_references(week):
    """Every external id a weekly plan links to."""
    if not week:
        return []
    return [ref for day in week["days"] for activity in day["activities"] for ref in activity["resources"]]


def validate_record(data):
    """Return (clean record, errors); errors are (field, Spanish reason) pairs."""
    errors = RecordErrors()
    if not isinstance(data, dict):
        errors.add("registro", _("cada línea debe ser un objeto JSON"))
        return None, errors
    for key in data:
        if key not in ACCEPTED_FIELDS:
            errors.add(key, _("campo desconocido"))

    record = {}
    record["external_id"] = _check_string(errors, "external_id", data.get("external_id"), required=True, max_length=200)
    if record["external_id"] and not EXTERNAL_ID_RE.match(record["external_id"]):
        errors.add("external_id", _("solo admite letras, números y los signos . : / - _"))
    kind = data.get("type")
    if kind not in taxonomy.RESOURCE_TYPES:
        errors.add(
            "type",
            _("tipo desconocido «%(value)s»; válidos: %(valid)s")
            % {"value": kind, "valid": ", ".join(taxonomy.RESOURCE_TYPES.slugs)},
        )
    record["type"] = kind
    record["title"] = _check_string(errors, "title", data.get("title"), required=True, max_length=255)
    record["description"] = _check_string(errors, "description", data.get("description"))
    for field, vocabulary in LIST_VOCABULARIES.items():
        record[field] = _check_slug_list(errors, field, data.get(field), vocabulary)
    if not record["levels"] and not any(f == "levels" for f, _r in errors):
        errors.add("levels", _("indica al menos un nivel"))
    record["grades"] = _check_grades(errors, data.get("grades"), record["levels"])

    language = data.get("language") or "es"
    if language not in taxonomy.LANGUAGES:
        errors.add("language", _("lengua desconocida «%(value)s»") % {"value": language})
    record["language"] = language
    license_slug = data.get("license") or "sep-uso-educativo"
    if license_slug not in taxonomy.LICENSES:
        errors.add(
            "license",
            _("licencia desconocida «%(value)s»; válidas: %(valid)s")
            % {"value": license_slug, "valid": ", ".join(taxonomy.LICENSES.slugs)},
        )
    record["license"] = license_slug

    year = data.get("year")
    if year is not None and not (_is_int(year) and 1900 <= year <= 2100):
        errors.add("year", _("debe ser un año entre 1900 y 2100"))
    record["year"] = year
    record["authors"] = _check_string_list(errors, "authors", data.get("authors"))
    record["keywords"] = _check_string_list(errors, "keywords", data.get("keywords"))
    record["publisher"] = _check_string(errors, "publisher", data.get("publisher"), max_length=200)
    record["file_url"] = _check_url(errors, "file_url", data.get("file_url"))
    record["cover_url"] = _check_url(errors, "cover_url", data.get("cover_url"))

    duration = data.get("duration_seconds")
    if duration is not None and not (_is_int(duration) and duration > 0):
        errors.add("duration_seconds", _("debe ser un número entero de segundos mayor que cero"))
    record["duration_seconds"] = duration
    record["transcript"] = _check_string(errors, "transcript", data.get("transcript")) or None
    record["captions"] = _check_captions(errors, data.get("captions"))
    record["week"] = _check_week(errors, data.get("week"))

    if kind not in TIMED_TYPES:
        for field in ("duration_seconds", "transcript"):
            if record[field] is not None:
                errors.add(field, _("solo aplica a videos y audios"))
        if record["captions"]:
            errors.add("captions", _("solo aplica a videos y audios"))
    if kind != "weekly_plan" and record["week"] is not None:
        errors.add("week", _("solo aplica a planes semanales"))
    return record, errors
