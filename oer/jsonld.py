"""schema.org LearningResource (LRMI) descriptions of resource pages, for harvesters and search engines."""

from oer import taxonomy

FRAMEWORK = "Nueva Escuela Mexicana"
FRAMEWORK_URL = "https://www.gob.mx/sep"

# schema.org learningResourceType values (LRMI vocabulary) for each Acervo type.
LEARNING_RESOURCE_TYPES = {
    "textbook": "textbook",
    "video": "video",
    "audio": "audio",
    "teacher_guide": "teacher guide",
    "weekly_plan": "lesson plan",
    "activity": "activity",
}

MEDIA_OBJECT_TYPES = {"video": "VideoObject", "audio": "AudioObject"}

# schema.org educationalRole values for each audience slug.
EDUCATIONAL_ROLES = {"alumno": "student", "docente": "teacher", "familia": "parent"}


def language_code(slug):
    """BCP 47 code for schema.org inLanguage and HTML lang attributes."""
    return taxonomy.LANGUAGE_HTML_CODES.get(slug, slug)


def _alignment(alignment_type, name, url=None):
    node = {
        "@type": "AlignmentObject",
        "alignmentType": alignment_type,
        "educationalFramework": FRAMEWORK,
        "targetName": str(name),
    }
    if url:
        node["targetUrl"] = url
    return node


def educational_alignment(page):
    """Alignment to the NEM: each campo formativo (subject), each fase and each grade (level)."""
    alignments = [_alignment("educationalSubject", taxonomy.FIELDS.label(slug)) for slug in page.fields]
    alignments += [_alignment("educationalSubject", taxonomy.SUBJECTS.label(slug)) for slug in page.subjects]
    alignments += [_alignment("educationalLevel", taxonomy.FASES[fase]) for fase in page.fases]
    alignments += [_alignment("educationalLevel", label) for label in page.grade_labels]
    return alignments


def _media_object(page):
    kind = MEDIA_OBJECT_TYPES.get(page.kind, "MediaObject")
    media = {"@type": kind, "contentUrl": page.file_url, "name": page.title}
    duration = getattr(page, "iso_duration", "")
    if duration:
        media["duration"] = duration
    transcript = getattr(page, "transcript", "")
    if transcript:
        media["transcript"] = transcript
    captions = [
        {
            "@type": "MediaObject",
            "contentUrl": track.get("url"),
            "encodingFormat": "text/vtt",
            "inLanguage": language_code(track.get("language") or page.language),
        }
        for track in (getattr(page, "captions", None) or [])
        if isinstance(track, dict) and track.get("url")
    ]
    if captions:
        media["caption"] = captions
    if kind == "MediaObject" and page.file_url.lower().endswith(".pdf"):
        media["encodingFormat"] = "application/pdf"
    if page.cover_url and kind == "VideoObject":
        media["thumbnailUrl"] = page.cover_url
    if page.first_published_at:
        media["uploadDate"] = page.first_published_at.date().isoformat()
    return media


def learning_resource(page, absolute_url):
    """The JSON-LD object (a plain dict) for one specific resource page."""
    data = {
        "@context": "https://schema.org",
        "@type": "LearningResource",
        "@id": absolute_url,
        "url": absolute_url,
        "identifier": page.external_id,
        "name": page.title,
        "description": page.description or page.search_description or page.title,
        "learningResourceType": LEARNING_RESOURCE_TYPES.get(page.kind, page.kind),
        "educationalLevel": [str(label) for label in page.level_labels] + page.fase_labels,
        "educationalAlignment": educational_alignment(page),
        "inLanguage": language_code(page.language),
        "license": taxonomy.LICENSE_URLS.get(page.license, page.license),
        "isAccessibleForFree": True,
        "accessibilityFeature": [
            taxonomy.ACCESSIBILITY_SCHEMA_ORG[slug]
            for slug in page.accessibility
            if slug in taxonomy.ACCESSIBILITY_SCHEMA_ORG
        ],
        "audience": [
            {"@type": "EducationalAudience", "educationalRole": EDUCATIONAL_ROLES[slug]}
            for slug in page.audience
            if slug in EDUCATIONAL_ROLES
        ],
    }
    if page.subjects:
        data["about"] = [str(label) for label in page.subject_labels]
    if page.keywords:
        data["keywords"] = ", ".join(page.keywords)
    if page.authors:
        data["author"] = [{"@type": "Organization", "name": name} for name in page.authors]
    if page.publisher:
        data["publisher"] = {"@type": "Organization", "name": page.publisher}
    if page.year:
        data["copyrightYear"] = page.year
    if page.first_published_at:
        data["datePublished"] = page.first_published_at.date().isoformat()
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.date().isoformat()
    if page.cover_url:
        data["image"] = page.cover_url
    duration = getattr(page, "iso_duration", "")
    if duration:
        data["timeRequired"] = duration
    if page.file_url:
        data["associatedMedia"] = _media_object(page)
    return data
