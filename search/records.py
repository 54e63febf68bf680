"""What a resource page looks like to a search engine: one plain dict per page.

A record holds the resource's metadata and, when Acervo keeps the resource's PDF and has read
it, the text of each of its pages ("pages"), which the backends index as passages of the
resource. The API built from these records is described in docs/api-busqueda.md.
"""

from oer import taxonomy


def _labels(vocabulary, slugs):
    return [taxonomy.VOCABULARIES[vocabulary].label(slug) for slug in slugs]


def resource_document(page):
    """The searchable record of a live specific ResourcePage; backends index exactly this."""
    levels = list(page.levels or [])
    grades = [int(grade) for grade in (page.grades or [])]
    fases = taxonomy.fases_for(levels, grades)
    # Labels are indexed as text too, so "matemáticas" or "guía docente" finds resources
    # tagged with that subject or type even when the words are not in the title.
    tags = [
        taxonomy.RESOURCE_TYPES.label(page.kind),
        *_labels("level", levels),
        *_labels("field", page.fields or []),
        *_labels("subject", page.subjects or []),
        *_labels("accessibility", page.accessibility or []),
        taxonomy.LANGUAGES.label(page.language),
        *(str(taxonomy.FASES[fase]) for fase in fases),
        *(str(taxonomy.grade_label(level, grade)) for level in levels for grade in grades
          if grade in taxonomy.GRADES_BY_LEVEL.get(level, ())),
    ]
    return {
        "pk": page.pk,
        "external_id": page.external_id,
        "title": page.title,
        "url": _url(page),
        "type": page.kind,
        "levels": levels,
        "grades": grades,
        "fases": fases,
        "fields": list(page.fields or []),
        "subjects": list(page.subjects or []),
        "language": page.language,
        "license": page.license,
        "accessibility": list(page.accessibility or []),
        "year": page.year or 0,
        "keywords": list(page.keywords or []),
        "description": page.description or "",
        "transcript": getattr(page, "transcript", "") or "",
        "tags": tags,
        "pages": _pages(page),
    }


def _pages(page):
    """[{"page": 37, "text": "…"}, …] in page order; empty until the stored PDF has been read.

    One book at a time: a record holds its own pages only, and callers build records lazily.
    """
    from oer.files.api import page_texts

    return [{"page": number, "text": text} for number, text in page_texts(page) if text.strip()]


def _url(page):
    url = page.get_url()
    return url or page.url_path
