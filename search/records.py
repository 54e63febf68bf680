"""What a resource or a course looks like to a search engine: one plain dict each, a search record.

Every record has the same keys. A resource's record holds its metadata and, when Acervo keeps
its PDF and has read it, the text of each page ("pages"), which the backends index as passages
of the resource. A course's record holds its lessons' text in "body". The API built from these
records is described in docs/api-busqueda.md.

A record also carries the dense vectors of its metadata ("vector") and of each page, read from
the database when their text is unchanged, None while the background job has not computed them
(search then ranks that record lexically); docs/busqueda-semantica.md tells the whole story.
"""

from wagtail.rich_text import get_text_for_indexing

from oer import taxonomy
from oer.models import ResourcePage

from .embeddings import semantic_search_enabled, store, texts
from .query import COURSE, SEARCH_TYPES


def _labels(vocabulary, slugs):
    return [taxonomy.VOCABULARIES[vocabulary].label(slug) for slug in slugs]


def resource_document(page):
    """The searchable record of a live specific ResourcePage; backends index exactly this."""
    record = _resource_record(page)
    return _with_vectors(record, texts.record_texts(record))


def course_document(course):
    """The searchable record of a live, public CoursePage: what it teaches and its lessons' words."""
    from courses.searchable import lesson_titles

    record = _course_record(course)
    return _with_vectors(record, texts.record_texts(record, lesson_titles(course)))


def embedding_texts(page):
    """{part: text} a specific ResourcePage's or CoursePage's vectors must be of (see search.embeddings.texts)."""
    from courses.searchable import lesson_titles

    if isinstance(page, ResourcePage):
        return texts.record_texts(_resource_record(page))
    return texts.record_texts(_course_record(page), lesson_titles(page))


def _with_vectors(record, part_texts):
    """Add "vector" to the record and to each of its pages: the stored vector of that very text, or None."""
    found = {}
    if semantic_search_enabled():
        digests = {part: texts.digest(text) for part, text in part_texts.items()}
        found = store.current_vectors(record["pk"], digests)

    def listed(part):
        vector = found.get(part)
        return None if vector is None else vector.tolist()

    record["vector"] = listed(texts.METADATA_PART)
    for page in record["pages"]:
        page["vector"] = listed(page["page"])
    return record


def _resource_record(page):
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
        *(
            str(taxonomy.grade_label(level, grade))
            for level in levels
            for grade in grades
            if grade in taxonomy.GRADES_BY_LEVEL.get(level, ())
        ),
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
        "body": "",
        "tags": tags,
        "pages": _pages(page),
    }


def _course_record(course):
    from courses.searchable import lesson_text

    levels = [course.level] if course.level else []
    published = course.first_published_at or course.last_published_at
    return {
        "pk": course.pk,
        "external_id": f"curso:{course.slug}",
        "title": course.title,
        "url": _url(course),
        "type": COURSE,
        "levels": levels,
        "grades": [],
        "fases": [],
        "fields": [],
        "subjects": [],
        "language": "es",
        "license": "",
        "accessibility": [],
        "year": published.year if published else 0,
        "keywords": [],
        "description": " ".join(
            part for part in (course.summary, get_text_for_indexing(course.description or "")) if part
        ),
        "transcript": "",
        "body": lesson_text(course),
        "tags": [
            SEARCH_TYPES.label(COURSE),
            course.get_parent().title,
            *_labels("level", levels),
            taxonomy.AUDIENCES.label(course.audience),
        ],
        "pages": [],
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
