"""Backend-agnostic search behaviour: every backend's test class mixes this in.

Each subclass only provides the `search_backend` fixture that routes requests to its engine.
Everything goes through the public API, with resources imported by `import_catalog`.
"""

import pytest

from oer.models import ResourcePage


def _titles(response):
    return [hit["title"] for hit in response.json()["results"]]


class SearchConformance:
    @pytest.fixture
    def catalogue(self, search_backend, import_records, record_factory):
        records = [
            record_factory(
                external_id="t:fracciones5",
                title="Fracciones para quinto grado",
                grades=[5],
                subjects=["matematicas"],
                fields=["saberes-y-pensamiento-cientifico"],
                description="Repartos equitativos y fracciones equivalentes.",
                year=2021,
                keywords=["fracciones", "reparto"],
            ),
            record_factory(
                external_id="t:fracciones3",
                title="Fracciones sencillas",
                grades=[3],
                subjects=["matematicas"],
                fields=["saberes-y-pensamiento-cientifico"],
                description="Medios y cuartos con tiras de papel.",
                year=2019,
            ),
            record_factory(
                external_id="t:video-eco",
                type="video",
                title="Los ecosistemas de México",
                grades=[6],
                subjects=["ciencias-naturales"],
                fields=["saberes-y-pensamiento-cientifico"],
                description="Selva, desierto y manglar.",
                transcript="Hoy visitamos la selva lacandona.",
                duration_seconds=600,
                accessibility=["subtitulos"],
                year=2023,
                keywords=["biodiversidad"],
            ),
            record_factory(
                external_id="t:guia4",
                type="teacher_guide",
                title="Guía para el docente. Fase 4",
                grades=[3, 4],
                audience=["docente"],
                description="Orientaciones didácticas para la fase 4.",
                year=2022,
            ),
            record_factory(
                external_id="t:historia",
                title="Historia de mi comunidad",
                grades=[4],
                subjects=["historia"],
                fields=["etica-naturaleza-y-sociedades"],
                description="Línea del tiempo <de> la comunidad & sus fiestas.",
                year=2020,
            ),
            record_factory(
                external_id="t:nahuatl",
                type="audio",
                title="Cuentos en náhuatl",
                grades=[2],
                language="nah",
                fields=["lenguajes"],
                description="Relatos narrados en náhuatl.",
                duration_seconds=300,
                year=2018,
            ),
            record_factory(
                external_id="t:secundaria",
                title="Matemáticas para secundaria",
                levels=["secundaria"],
                grades=[1],
                subjects=["matematicas"],
                fields=["saberes-y-pensamiento-cientifico"],
                description="Álgebra y ecuaciones.",
                year=2024,
            ),
        ]
        import_records(records)
        return records

    # -- text analysis -------------------------------------------------------------------
    def test_accents_are_optional_in_queries(self, catalogue, search_api):
        assert "Cuentos en náhuatl" in _titles(search_api(q="nahuatl"))
        assert "Los ecosistemas de México" in _titles(search_api(q="MEXICO ecosistemas"))

    def test_plural_and_singular_match_through_stemming(self, catalogue, search_api):
        assert "Los ecosistemas de México" in _titles(search_api(q="ecosistema"))
        assert "Fracciones sencillas" in _titles(search_api(q="fracción"))

    def test_curriculum_synonyms_expand_the_query(self, catalogue, search_api):
        titles = _titles(search_api(q="mate"))
        assert {"Fracciones para quinto grado", "Matemáticas para secundaria"} <= set(titles)

    def test_grade_words_rank_that_grade_first(self, catalogue, search_api):
        assert _titles(search_api(q="fracciones quinto"))[0] == "Fracciones para quinto grado"
        assert _titles(search_api(q="fracciones 3°"))[0] == "Fracciones sencillas"

    def test_typos_still_find_the_resource_and_suggest_a_correction(self, catalogue, search_api):
        body = search_api(q="fracsiones").json()
        assert {"Fracciones para quinto grado", "Fracciones sencillas"} <= {h["title"] for h in body["results"]}
        assert body["suggestion"] == "fracciones"

    def test_correct_words_get_no_suggestion(self, catalogue, search_api):
        assert search_api(q="fracciones").json()["suggestion"] is None

    def test_transcripts_are_searchable(self, catalogue, search_api):
        assert _titles(search_api(q="lacandona")) == ["Los ecosistemas de México"]

    def test_guide_words_and_fase_find_the_teacher_guide_first(self, catalogue, search_api):
        assert _titles(search_api(q="guía docente fase 4"))[0] == "Guía para el docente. Fase 4"

    def test_unknown_words_find_nothing(self, catalogue, search_api):
        body = search_api(q="xilofonzzz").json()
        assert body["count"] == 0 and body["results"] == []

    # -- snippets ------------------------------------------------------------------------
    def test_snippets_mark_matches_and_escape_everything_else(self, catalogue, search_api):
        hit = search_api(q="comunidad fiestas").json()["results"][0]
        assert hit["title"] == "Historia de mi comunidad"
        assert "<mark>" in hit["snippet"]
        assert "&lt;de&gt;" in hit["snippet"] and "&amp;" in hit["snippet"]
        assert "<de>" not in hit["snippet"]

    # -- filters and facets ----------------------------------------------------------------
    def test_results_carry_the_api_fields(self, catalogue, search_api):
        hit = search_api(q="ecosistemas").json()["results"][0]
        assert hit["external_id"] == "t:video-eco"
        assert hit["type"] == "video" and hit["levels"] == ["primaria"] and hit["grades"] == [6]
        assert hit["url"] == ResourcePage.objects.get(external_id="t:video-eco").url
        assert hit["language"] == "es" and hit["subjects"] == ["ciencias-naturales"]

    def test_filters_narrow_and_combine(self, catalogue, search_api):
        body = search_api(subject="matematicas", level="primaria").json()
        assert sorted(_titles(search_api(subject="matematicas", level="primaria"))) == [
            "Fracciones para quinto grado",
            "Fracciones sencillas",
        ]
        assert body["count"] == 2
        both = search_api(grade=["3", "5"], subject="matematicas").json()
        assert both["count"] == 2

    def test_facet_counts_apply_every_other_filter(self, catalogue, search_api):
        body = search_api(type="textbook", subject="matematicas").json()
        facets = {name: {item["value"]: item["count"] for item in values} for name, values in body["facets"].items()}
        # type counts ignore the type filter but keep the subject filter
        assert facets["type"] == {"textbook": 3}
        # subject counts ignore the subject filter but keep the type filter
        assert facets["subject"]["matematicas"] == 3 and facets["subject"]["historia"] == 1
        assert facets["level"] == {"primaria": 2, "secundaria": 1}
        assert facets["grade"] == {1: 1, 3: 1, 5: 1}

    def test_facets_have_spanish_labels(self, catalogue, search_api):
        facets = search_api().json()["facets"]
        labels = {item["value"]: item["label"] for item in facets["type"]}
        assert labels["textbook"] == "Libro de texto" and labels["teacher_guide"] == "Guía docente"
        languages = {item["value"]: item["label"] for item in facets["language"]}
        assert languages["nah"] == "Náhuatl"
        assert {"accessibility", "license"} <= set(facets)

    # -- browsing, sorting, paging ---------------------------------------------------------
    def test_empty_query_browses_everything_by_title(self, catalogue, search_api):
        body = search_api().json()
        assert body["count"] == 7
        titles = _titles(search_api())
        assert titles == sorted(titles, key=lambda t: t.lower().replace("á", "a").replace("í", "i"))

    def test_newest_sort_puts_recent_years_first(self, catalogue, search_api):
        assert _titles(search_api(sort="newest", page_size=2)) == [
            "Matemáticas para secundaria",
            "Los ecosistemas de México",
        ]

    def test_pages_split_the_results_without_overlap(self, catalogue, search_api):
        first = search_api(sort="title", page_size=3, page=1).json()
        second = search_api(sort="title", page_size=3, page=2).json()
        third = search_api(sort="title", page_size=3, page=3).json()
        seen = _titles_of(first) + _titles_of(second) + _titles_of(third)
        assert len(seen) == 7 and len(set(seen)) == 7
        assert (first["page"], first["page_size"], first["count"]) == (1, 3, 7)
        assert search_api(page=9).json()["results"] == []

    # -- suggest ---------------------------------------------------------------------------
    def test_suggest_completes_titles_from_a_prefix(self, catalogue, client):
        suggestions = client.get("/api/v1/search/suggest/", {"q": "frac"}).json()["suggestions"]
        assert set(suggestions) == {"Fracciones para quinto grado", "Fracciones sencillas"}
        assert len(client.get("/api/v1/search/suggest/", {"q": "e"}).json()["suggestions"]) <= 10

    # -- visibility of changes -------------------------------------------------------------
    def test_updates_and_removals_become_visible_after_the_queue_drains(
        self, catalogue, search_api, import_records, record_factory
    ):
        from search import indexing

        changed = dict(catalogue[4], title="Historia de mi barrio")
        import_records([changed])
        assert _titles(search_api(q="barrio")) == ["Historia de mi barrio"]

        page = ResourcePage.objects.get(external_id="t:nahuatl").specific
        page.unpublish()
        indexing.drain()
        assert search_api(q="nahuatl").json()["count"] == 0

        ResourcePage.objects.get(external_id="t:guia4").specific.delete()
        indexing.drain()
        assert "Guía para el docente. Fase 4" not in _titles(search_api(q="guia docente fase 4"))
        assert search_api().json()["count"] == 5


def _titles_of(body):
    return [hit["title"] for hit in body["results"]]
