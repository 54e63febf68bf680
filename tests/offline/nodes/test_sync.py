"""sync_from between two instances talking HTTP: the source is a subprocess, the node the test database."""

import hashlib
import json
import urllib.error
import urllib.request

import pytest

from courses.models import CoursePage, Enrolment, LessonPage, Quiz
from oer.models import ResourcePage
from offline.nodes.models import SyncRun, SyncSource

from .conftest import PAGE_SIZE, SOURCE_RECORDS

pytestmark = pytest.mark.django_db


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def primaria(source):
    return [record for record in source.records if record["levels"] == ["primaria"]]


def test_first_sync_mirrors_resources_files_and_courses(source, run_command, node_key):
    result = run_command("sync_from", source.url, "--with-files")

    assert result.code == 0, result.stderr
    assert "Sincronización terminada" in result.stdout
    for record in source.records:
        page = ResourcePage.objects.get(external_id=record["external_id"])
        assert page.live and page.title == record["title"]
        if record.get("file"):
            assert page.stored_file.sha256 == digest(source.files_dir / record["file"])
    run = SyncRun.objects.get()
    assert run.status == SyncRun.Status.OK
    assert run.counts["files"] == SOURCE_RECORDS
    assert run.counts["pages"] == -(-(SOURCE_RECORDS + 1) // PAGE_SIZE)
    course = CoursePage.objects.get(slug="nem-en-el-aula")
    assert course.live and LessonPage.objects.descendant_of(course).live().exists()
    quiz = Quiz.objects.filter(lesson__in=LessonPage.objects.descendant_of(course)).first()
    choices = [choice["correct"] for block in quiz.questions.raw_data for choice in _choices(block)]
    assert True in choices  # the keyed node received the answers and can grade locally


def _choices(block):
    return [item.get("value", item) for item in block["value"]["choices"]]


def test_incremental_sync_reads_only_the_changes(source, run_command, node_key, django_user_model):
    assert run_command("sync_from", source.url, "--with-files").code == 0
    learner = django_user_model.objects.create_user("aprendiz", "aprendiz@example.org", "x")
    course = CoursePage.objects.get(slug="nem-en-el-aula")
    Enrolment.objects.create(user=learner, course=course)

    changed = primaria(source)[:3]
    changed[0] = {**changed[0], "title": "Título corregido en la fuente"}
    changed[1] = {**changed[1], "keywords": ["nueva palabra"]}
    new_file = source.files_dir / "libros/reemplazo.pdf"
    from tests.pdf_factory import make_pdf

    make_pdf(new_file, ["Edición corregida del libro."])
    changed[2] = {**changed[2], "file": "libros/reemplazo.pdf"}
    source.import_records(changed)
    retired_id = primaria(source)[5]["external_id"]
    source.unpublish(retired_id)

    result = run_command("sync_from", source.url, "--with-files")

    assert result.code == 0, result.stderr
    run = SyncRun.objects.order_by("-started", "-id").first()
    assert run.counts["identifiers"] == 4  # three changed and one retired, nothing else
    assert run.counts["files"] == 1  # only the file whose digest changed
    assert run.counts["retired"] == 1
    assert ResourcePage.objects.get(external_id=changed[0]["external_id"]).title == "Título corregido en la fuente"
    assert ResourcePage.objects.get(external_id=changed[2]["external_id"]).stored_file.sha256 == digest(new_file)
    assert not ResourcePage.objects.get(external_id=retired_id).live
    assert ResourcePage.objects.count() == SOURCE_RECORDS + 1  # nothing duplicated
    assert Enrolment.objects.filter(user=learner, course=course).exists()  # learners' data untouched

    again = run_command("sync_from", source.url, "--with-files")
    assert again.code == 0
    assert SyncRun.objects.order_by("-started", "-id").first().counts.get("identifiers", 0) == 0


def test_node_serves_pages_and_files_with_the_source_stopped(source, run_command, client, node_key):
    assert run_command("sync_from", source.url, "--with-files").code == 0
    source.instance.stop()
    record = primaria(source)[0]
    page = ResourcePage.objects.get(external_id=record["external_id"])

    assert client.get(page.url).status_code == 200
    response = client.get(f"/recursos/{page.slug}/archivo")
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert hashlib.sha256(body).hexdigest() == digest(source.files_dir / record["file"])
    course = CoursePage.objects.get(slug="nem-en-el-aula")
    assert client.get(course.url).status_code == 200


def test_without_a_key_courses_come_without_quizzes(source, run_command):
    result = run_command("sync_from", source.url)

    assert result.code == 0, result.stderr
    assert "sin cuestionarios" in result.stdout
    assert CoursePage.objects.filter(slug="nem-en-el-aula").exists()
    assert not Quiz.objects.exists()
    assert not ResourcePage.objects.filter(stored_file__isnull=False).exists()  # no --with-files
    with urllib.request.urlopen(f"{source.url}/nodos/cursos/nem-en-el-aula.json") as response:
        public = json.load(response)
    assert public["answers_included"] is False
    assert '"correct":' not in json.dumps(public)


def test_level_limits_the_sync_to_one_level(source, run_command):
    result = run_command("sync_from", source.url, "--level", "secundaria")

    assert result.code == 0, result.stderr
    assert list(ResourcePage.objects.values_list("external_id", flat=True)) == ["fuente:secundaria:001"]
    assert SyncSource.objects.get().level == "secundaria"


def test_the_source_refuses_too_many_ids(source):
    query = "&".join(f"id=x{n}" for n in range(201))
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(f"{source.url}/nodos/recursos.json?{query}")
    assert error.value.code == 400
