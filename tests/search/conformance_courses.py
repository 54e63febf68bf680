"""Backend-agnostic search of courses: published courses and their lessons' words, through the HTTP API.

Courses are built as editors build them (Wagtail pages published in the tree); their search
entries come from the durable queue, drained as the background worker would.
"""

import pytest
from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText

from courses.models import CoursePage, LessonPage, ModulePage, TrackPage
from courses.site import ensure_course_index
from search import indexing


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def lesson(title, slug, text):
    return LessonPage(title=title, slug=slug, body=[("paragraph", RichText(f"<p>{text}</p>"))])


def _by_type(response, kind):
    return [hit for hit in response.json()["results"] if hit["type"] == kind]


class CourseSearchConformance:
    @pytest.fixture
    def courses(self, search_backend, site_structure, import_records, record_factory):
        import_records(
            [
                record_factory(
                    external_id="c:lecturas",
                    title="Lecturas para quinto grado",
                    description="Cuentos y poemas para leer en voz alta.",
                )
            ]
        )
        track = publish(ensure_course_index(), TrackPage(title="Formación continua docente", slug="formacion"))
        reading = publish(
            track,
            CoursePage(
                title="Lectura en voz alta",
                slug="lectura-voz-alta",
                level="primaria",
                summary="Estrategias para leer con el grupo.",
            ),
        )
        unit = publish(reading, ModulePage(title="Módulo uno", slug="modulo-uno"))
        tongue_twisters = publish(
            unit, lesson("Juegos de palabras", "juegos", "Los trabalenguas ayudan a pronunciar con claridad.")
        )
        numbers = publish(
            track,
            CoursePage(
                title="Pensamiento matemático",
                slug="pensamiento-matematico",
                summary="Resolver problemas con el grupo.",
            ),
        )
        publish(numbers, ModulePage(title="Problemas", slug="problemas"))
        indexing.drain()
        return {"reading": reading, "unit": unit, "lesson": tongue_twisters, "numbers": numbers}

    def test_a_word_only_in_a_lesson_finds_its_course(self, courses, search_api):
        body = search_api(q="trabalenguas").json()
        assert body["count"] == 1
        hit = body["results"][0]
        assert hit["type"] == "course" and hit["title"] == "Lectura en voz alta"
        assert hit["url"] == courses["reading"].url and hit["url"].startswith("/cursos/")
        assert hit["external_id"] == "curso:lectura-voz-alta"
        assert "<mark>trabalenguas</mark>" in hit["snippet"]
        assert hit["levels"] == ["primaria"] and "pages" not in hit

    def test_type_course_filters_to_courses_and_the_type_facet_says_curso(self, courses, search_api):
        mixed = search_api(q="voz alta").json()
        assert {hit["type"] for hit in mixed["results"]} == {"course", "textbook"}
        facet = {item["value"]: item for item in mixed["facets"]["type"]}
        assert facet["course"]["label"] == "Curso" and facet["course"]["count"] == 1
        only = search_api(q="voz alta", type="course").json()
        assert [hit["title"] for hit in only["results"]] == ["Lectura en voz alta"]
        assert search_api(type="course").json()["count"] == 2

    def test_the_word_curso_prefers_courses(self, courses, search_api):
        assert search_api(q="curso lectura").json()["results"][0]["type"] == "course"

    def test_unpublishing_or_restricting_a_lesson_or_a_course_takes_it_out(self, courses, search_api):
        courses["lesson"].unpublish()
        indexing.drain()
        assert search_api(q="trabalenguas").json()["count"] == 0
        courses["lesson"].save_revision().publish()
        indexing.drain()
        assert search_api(q="trabalenguas").json()["count"] == 1

        restriction = PageViewRestriction.objects.create(
            page=courses["reading"], restriction_type=PageViewRestriction.LOGIN
        )
        indexing.drain()
        assert search_api(q="trabalenguas").json()["count"] == 0
        restriction.delete()
        indexing.drain()
        assert search_api(q="trabalenguas").json()["count"] == 1

        courses["reading"].unpublish()
        indexing.drain()
        assert search_api(type="course").json()["count"] == 1

    def test_new_moved_and_deleted_lessons_follow_their_course(self, courses, search_api):
        new = publish(courses["unit"], lesson("Rimas", "rimas", "Las adivinanzas despiertan la curiosidad."))
        indexing.drain()
        assert [hit["title"] for hit in search_api(q="adivinanzas").json()["results"]] == ["Lectura en voz alta"]

        target = ModulePage.objects.get(slug="problemas")
        LessonPage.objects.get(pk=new.pk).move(target, pos="last-child")
        indexing.drain()
        assert [hit["title"] for hit in search_api(q="adivinanzas").json()["results"]] == ["Pensamiento matemático"]

        LessonPage.objects.get(pk=new.pk).delete()
        indexing.drain()
        assert search_api(q="adivinanzas").json()["count"] == 0

    def test_deleting_a_course_removes_it(self, courses, search_api):
        CoursePage.objects.get(pk=courses["numbers"].pk).delete()
        indexing.drain()
        assert search_api(type="course").json()["count"] == 1
        assert search_api(q="problemas").json()["count"] == 0

    def test_status_and_rebuild_count_courses(self, courses, run_command, search_api):
        status = run_command("search_index", "status")
        assert "Recursos publicados en la base de datos: 1" in status.stdout
        assert "Cursos publicados en la base de datos: 2" in status.stdout
        assert "Documentos en el índice: 3" in status.stdout
        result = run_command("search_index", "rebuild")
        assert result.code == 0, result.stderr
        assert search_api(q="trabalenguas").json()["results"][0]["type"] == "course"

    def test_the_search_page_labels_courses_curso(self, courses, client):
        html = client.get("/buscar/", {"q": "trabalenguas"}).content.decode()
        assert "<span>Curso</span>" in html
        assert 'href="/cursos/formacion/lectura-voz-alta/"' in html
