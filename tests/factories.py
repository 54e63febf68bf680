"""Factories for catalogue records and resource pages."""

import factory
import wagtail_factories

from oer.models import TextbookPage, VideoLessonPage


class CatalogRecordFactory(factory.DictFactory):
    """A valid catalogue record (see docs/catalogo.md) for a primaria textbook."""

    external_id = factory.Sequence(lambda n: f"prueba:2024:R{n:05d}")
    type = "textbook"
    title = factory.Sequence(lambda n: f"Proyectos de Aula {n}. Quinto grado")
    description = "Proyectos para trabajar en el aula con el grupo."
    levels = factory.LazyFunction(lambda: ["primaria"])
    grades = factory.LazyFunction(lambda: [5])
    fields = factory.LazyFunction(lambda: ["lenguajes"])
    subjects = factory.LazyFunction(list)
    axes = factory.LazyFunction(list)
    language = "es"
    license = "sep-uso-educativo"
    audience = factory.LazyFunction(lambda: ["alumno"])
    year = 2024
    authors = factory.LazyFunction(lambda: ["SEP"])
    publisher = "CONALITEG"
    keywords = factory.LazyFunction(lambda: ["proyectos"])
    file_url = "https://libros.conaliteg.gob.mx/2024/P5PAA.pdf"
    cover_url = None
    duration_seconds = None
    transcript = None
    captions = factory.LazyFunction(list)
    week = None
    accessibility = factory.LazyFunction(list)


class TextbookPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Libro {n}")
    external_id = factory.Sequence(lambda n: f"fabrica:libro:{n}")
    levels = factory.LazyFunction(lambda: ["primaria"])
    grades = factory.LazyFunction(lambda: [3])
    fields = factory.LazyFunction(lambda: ["saberes-y-pensamiento-cientifico"])

    class Meta:
        model = TextbookPage


class VideoLessonPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Video {n}")
    external_id = factory.Sequence(lambda n: f"fabrica:video:{n}")
    levels = factory.LazyFunction(lambda: ["primaria"])
    grades = factory.LazyFunction(lambda: [5])
    duration_seconds = 754
    transcript = "Hoy repartimos pizzas en partes iguales."
    captions = factory.LazyFunction(lambda: [{"language": "es", "url": "https://recursos.acervo.example/v.vtt"}])

    class Meta:
        model = VideoLessonPage
