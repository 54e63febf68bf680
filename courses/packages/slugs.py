"""Deterministic page slugs from package identifiers: how a re-import finds the pages it wrote before.

course: `<kind>-<identifier>` (kind `cc` or `edx`; the identifier is the manifest's `identifier`,
or org-course-run for OLX); module: `m-<identifier>`; lesson: `l-<identifier>`, each slugified to
ASCII. Identifiers too long, or with nothing left after slugifying, end in a short hash of the
original so they stay unique and stable. See docs/cursos-paquetes.md.
"""

import hashlib

from django.utils.text import slugify

MAX_LENGTH = 80


def slug_for(prefix, identifier):
    base = slugify(identifier or "")
    slug = f"{prefix}-{base}" if base else prefix
    if base and len(slug) <= MAX_LENGTH:
        return slug
    digest = hashlib.sha1((identifier or "").encode()).hexdigest()[:10]
    return f"{slug[: MAX_LENGTH - 11].rstrip('-')}-{digest}"


def course_slug(course):
    return slug_for(course.kind, course.identifier)


def module_slug(module):
    return slug_for("m", module.identifier)


def lesson_slug(lesson):
    return slug_for("l", lesson.identifier)
