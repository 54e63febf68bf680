"""What each column of the open-data dumps means, shown in the README of /datos/."""

from django.utils.translation import gettext_lazy as _

from oer.catalog.record import EXPORT_FIELDS

FIELD_DOCS = {
    "external_id": _("Identificador estable y único del recurso (p. ej. conaliteg:2024:P5MLA)."),
    "type": _("Tipo de recurso: textbook, video, audio, teacher_guide, weekly_plan o activity."),
    "title": _("Título."),
    "description": _("Descripción breve."),
    "levels": _(
        "Niveles educativos (slugs: inicial, preescolar, primaria, secundaria, media-superior, educacion-para-adultos)."
    ),
    "grades": _("Grados dentro del nivel (primaria 1–6; preescolar y secundaria 1–3)."),
    "fields": _("Campos formativos de la Nueva Escuela Mexicana (slugs)."),
    "subjects": _("Asignaturas (slugs)."),
    "axes": _("Ejes articuladores (slugs)."),
    "language": _("Lengua: es, en o código ISO 639-3 de una lengua nacional; mfs es la Lengua de Señas Mexicana."),
    "license": _("Licencia del recurso (sep-uso-educativo o una variante Creative Commons)."),
    "audience": _("Público: alumno, docente, familia."),
    "year": _("Año de publicación."),
    "authors": _("Autoras y autores."),
    "publisher": _("Editorial o institución responsable."),
    "keywords": _("Palabras clave."),
    "file_url": _("URL del archivo (PDF, video, audio)."),
    "cover_url": _("URL de la portada."),
    "duration_seconds": _("Duración en segundos (videos y audios)."),
    "transcript": _("Transcripción (videos y audios)."),
    "captions": _("Pistas de subtítulos: lista de {language, url}."),
    "week": _("Plan semanal: año, número de semana y actividades por día."),
    "accessibility": _(
        "Características de accesibilidad: subtitulos, transcripcion, lsm, audiodescripcion, macrotipo, braille."
    ),
    "sha256": _("Huella SHA-256 del archivo que guarda el acervo (null si no guarda ninguno)."),
    "file_size_bytes": _("Tamaño en bytes del archivo guardado."),
    "page_count": _("Número de páginas del PDF guardado, medido al leerlo."),
    "mime_type": _("Tipo del archivo guardado (application/pdf, video/mp4, audio/mpeg…)."),
}


def documented_fields():
    """(field, meaning) in the order of the dump's columns."""
    return [(field, FIELD_DOCS.get(field, "")) for field in EXPORT_FIELDS]
