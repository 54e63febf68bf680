"""Dense vectors of search records: computed in the background from what the database holds, carried by records."""

import numpy as np
import pytest
from django.core.management import call_command

from oer.models import ResourcePage
from search import indexing
from search.embeddings import DIMENSIONS, MODEL_NAME
from search.models import Embedding
from tests.pdf_factory import make_pdf

pytestmark = pytest.mark.django_db

PAGES = 12


def _records():
    return {record["external_id"]: record for record in indexing.documents()}


def _assert_unit_vector(vector):
    assert isinstance(vector, list) and len(vector) == DIMENSIONS
    assert abs(float(np.linalg.norm(vector)) - 1.0) < 1e-3


def _pending_line(run_command):
    result = run_command("search_index", "status")
    assert result.code == 0, result.stderr
    return next(line for line in result.stdout.splitlines() if line.startswith("Vectores pendientes"))


@pytest.fixture
def book(embedded_search, tmp_path, record_factory, write_catalog, run_command):
    """A 12-page textbook imported with its PDF; returns a function that (re)imports it with a description."""
    (tmp_path / "libros").mkdir()
    make_pdf(
        tmp_path / "libros" / "ciencias4.pdf",
        [f"Página {n}. Los seres vivos respiran, se alimentan y crecen en su entorno." for n in range(1, PAGES + 1)],
    )

    def load(description="Libro de texto para el alumno de cuarto grado."):
        record = record_factory(
            external_id="libro:ciencias4",
            title="Ciencias Naturales. Cuarto grado",
            description=description,
            file="libros/ciencias4.pdf",
        )
        result = run_command("import_catalog", str(write_catalog([record])), "--files", str(tmp_path), "--no-progress")
        assert result.code == 0, result.stderr
        return ResourcePage.objects.get(external_id="libro:ciencias4")

    return load


def test_records_gain_vectors_once_the_job_has_run(embedded_search, import_records, record_factory, run_command):
    import_records([record_factory(external_id=f"v:{n}", title=f"Fracciones equivalentes {n}") for n in range(3)])
    assert all(record["vector"] is None for record in _records().values())
    assert _pending_line(run_command) == "Vectores pendientes: 3 registros, 0 páginas"

    result = run_command("search_index", "update")

    assert result.code == 0, result.stderr
    records = _records()
    for record in records.values():
        _assert_unit_vector(record["vector"])
    assert Embedding.objects.filter(model=MODEL_NAME, part=0).count() == 3
    assert _pending_line(run_command) == "Vectores pendientes: 0 registros, 0 páginas"
    assert indexing.backlog() == 0  # reindexed with their vectors


def test_a_book_gets_a_vector_per_page_once_it_is_read(book, run_command):
    book()
    record = _records()["libro:ciencias4"]
    assert record["pages"] == []  # not read yet

    result = run_command("ingest_files", "--no-progress")

    assert result.code == 0, result.stderr
    assert f"vectores calculados: {PAGES + 1}." in result.stdout
    record = _records()["libro:ciencias4"]
    assert [page["page"] for page in record["pages"]] == list(range(1, PAGES + 1))
    _assert_unit_vector(record["vector"])
    for page in record["pages"]:
        _assert_unit_vector(page["vector"])
    assert _pending_line(run_command) == "Vectores pendientes: 0 registros, 0 páginas"


def test_a_changed_description_recomputes_only_the_metadata_vector(book, run_command):
    page = book()
    assert run_command("ingest_files", "--no-progress").code == 0
    before = dict(Embedding.objects.filter(page_id=page.pk).values_list("part", "digest"))

    book(description="Guía para explorar la respiración y la nutrición de los seres vivos.")
    assert _pending_line(run_command) == "Vectores pendientes: 1 registros, 0 páginas"
    result = run_command("ingest_files", "--no-progress")

    assert "vectores calculados: 1." in result.stdout
    after = dict(Embedding.objects.filter(page_id=page.pk).values_list("part", "digest"))
    assert after.keys() == before.keys()
    assert [part for part in after if after[part] != before[part]] == [0]


def test_the_vector_follows_what_the_record_says(embedded_search, import_records, record_factory, run_command):
    """Closest metadata vector to a question: the resource about it, not the other one."""
    import_records(
        [
            record_factory(
                external_id="v:sismo", title="El sismógrafo", description="Cómo se registran los temblores."
            ),
            record_factory(external_id="v:pan", title="Recetas de pan", description="Harina, agua y levadura."),
        ]
    )
    assert run_command("search_index", "update").code == 0
    from search.embeddings import encode_query

    question = encode_query("¿Qué instrumento mide los terremotos?")
    records = _records()
    scores = {key: float(np.dot(question, record["vector"])) for key, record in records.items()}
    assert scores["v:sismo"] > scores["v:pan"]


def test_with_semantic_search_off_nothing_is_computed_and_search_still_works(
    settings, embedded_search, import_records, record_factory, run_command, client, django_capture_on_commit_callbacks
):
    settings.ACERVO_SEMANTIC_SEARCH = False
    with django_capture_on_commit_callbacks(execute=True):
        import_records([record_factory(external_id="v:off", title="Ciclo del agua")])
    assert run_command("search_index", "update").code == 0
    assert run_command("ingest_files", "--no-progress").code == 0

    assert not Embedding.objects.exists()
    assert _records()["v:off"]["vector"] is None
    status = run_command("search_index", "status").stdout
    assert "Búsqueda semántica: desactivada" in status and "Vectores pendientes" not in status
    results = client.get("/api/v1/search/", {"q": "ciclo del agua"}).json()["results"]
    assert [hit["external_id"] for hit in results] == ["v:off"]


def test_search_answers_lexically_while_vectors_are_pending(embedded_search, import_records, record_factory, client):
    import_records([record_factory(external_id="v:lex", title="Fotosíntesis para niños")])
    assert not Embedding.objects.exists()
    results = client.get("/api/v1/search/", {"q": "fotosíntesis"}).json()["results"]
    assert [hit["external_id"] for hit in results] == ["v:lex"]


def test_indexing_records_without_vectors_starts_the_job_when_the_change_commits(
    embedded_search, import_records, record_factory, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        import_records([record_factory(external_id="v:commit", title="Los planetas")])
    assert Embedding.objects.filter(part=0).count() == 1
    _assert_unit_vector(_records()["v:commit"]["vector"])


@pytest.mark.django_db(transaction=True)
def test_the_worker_keeps_one_waiting_job_and_db_worker_batch_drains_it(
    settings, embedded_search, import_records, record_factory, client
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    from django_tasks_db.models import DBTaskResult

    import_records([record_factory(external_id="v:w1", title="Las estaciones del año")])
    import_records([record_factory(external_id="v:w2", title="El sistema solar")])
    waiting = DBTaskResult.objects.filter(task_path="search.tasks.compute_embeddings", status="READY")
    assert waiting.count() == 1  # two drains of records without vectors, one job waiting

    call_command("db_worker", "--batch", "--no-startup-delay", "--queue-name", "*", verbosity=0)

    assert not DBTaskResult.objects.filter(status="READY").exists()
    assert Embedding.objects.filter(part=0).count() == 2
    assert indexing.backlog() == 0
    assert all(record["vector"] is not None for record in _records().values())


def test_a_course_is_embedded_with_its_lesson_titles_and_a_renamed_lesson_recomputes_it(
    embedded_search, site_structure, run_command
):
    from courses.models import CoursePage, ModulePage, TrackPage
    from courses.site import ensure_course_index
    from search.records import embedding_texts

    from .conformance_courses import lesson, publish

    track = publish(ensure_course_index(), TrackPage(title="Formación docente", slug="formacion"))
    course = publish(track, CoursePage(title="Lectura en voz alta", slug="lectura", summary="Leer con el grupo."))
    unit = publish(course, ModulePage(title="Módulo uno", slug="modulo-uno"))
    game = publish(unit, lesson("Juegos de palabras", "juegos", "Los trabalenguas ayudan a pronunciar."))
    assert run_command("search_index", "update").code == 0

    assert "Juegos de palabras" in embedding_texts(CoursePage.objects.get(pk=course.pk))[0]
    _assert_unit_vector(_records()["curso:lectura"]["vector"])
    game.title = "Rimas y trabalenguas"
    game.save_revision().publish()
    assert _pending_line(run_command) == "Vectores pendientes: 1 registros, 0 páginas"
    assert run_command("search_index", "update").code == 0
    assert _pending_line(run_command) == "Vectores pendientes: 0 registros, 0 páginas"


def test_rebuild_asks_for_the_missing_vectors(embedded_search, import_records, record_factory, run_command):
    import_records([record_factory(external_id="v:rebuild", title="Mapas de México")])
    result = run_command("search_index", "rebuild")
    assert result.code == 0, result.stderr
    assert "vectores semánticos" in result.stdout
    assert _pending_line(run_command) == "Vectores pendientes: 0 registros, 0 páginas"


def test_a_job_stopped_half_way_leaves_the_rest_to_the_next_run(
    embedded_search, import_records, record_factory, run_command
):
    import_records([record_factory(external_id=f"v:half:{n}", title=f"Energía {n}") for n in range(3)])
    from search.embeddings.compute import compute_missing

    first = ResourcePage.objects.get(external_id="v:half:0").pk
    assert compute_missing([first]) == 1  # what a worker wrote before it died
    assert _pending_line(run_command) == "Vectores pendientes: 2 registros, 0 páginas"

    result = run_command("ingest_files", "--no-progress")

    assert "vectores calculados: 2." in result.stdout
    assert Embedding.objects.filter(part=0).count() == 3
