"""`import_catalog --fetch` then `ingest_files`, against a real local HTTP server: store, read, find, retry."""

import hashlib
from datetime import timedelta

import pytest
from django.utils import timezone

from media.models import StoredFile, StoredFilePage
from oer.files.ingest import MAX_FETCH_ATTEMPTS
from oer.files.models import FileFetch
from oer.models import ResourcePage
from tests.pdf_factory import make_pdf

pytestmark = pytest.mark.django_db

SENTENCE = "El ajolote respira por branquias plumosas que salen a ambos lados de su cabeza."
HTML = "<!doctype html><html><head><title>Aviso</title></head><body>El libro cambió de dirección.</body></html>"


@pytest.fixture
def local_downloads(settings):
    """The test server is on this machine: let downloads reach it, as an operator would for a mirror."""
    settings.ACERVO_FETCH_ALLOWED_HOSTS = ["localhost", "127.0.0.1"]


@pytest.fixture
def fresh_search(settings, tmp_path):
    settings.ELASTICSEARCH_URL = ""
    settings.ACERVO_SEARCH_INDEX_DIR = tmp_path / "indice"


@pytest.fixture
def book(tmp_path):
    pages = [f"Página {n}. Ciencias naturales para quinto grado: los seres vivos y su entorno." for n in range(1, 5)]
    pages[2] = SENTENCE
    return make_pdf(tmp_path / "ajolote.pdf", pages).read_bytes()


@pytest.fixture
def import_fetch(run_command, write_catalog, site_structure):
    def run(records):
        result = run_command("import_catalog", str(write_catalog(records)), "--fetch", "--no-progress")
        assert result.code == 0, result.stderr
        return result

    return run


@pytest.fixture
def ingest(run_command, django_capture_on_commit_callbacks):
    """`ingest_files` as an operator runs it; what it asks for after commit (indexing) runs too."""

    def run(*args):
        with django_capture_on_commit_callbacks(execute=True):
            return run_command("ingest_files", "--no-progress", *args)

    return run


def _requests(httpserver, path):
    return sum(1 for request, _response in httpserver.log if request.path == path)


def test_a_fetched_pdf_is_stored_read_and_found_inside(
    httpserver, local_downloads, fresh_search, book, import_fetch, ingest, record_factory, client, tmp_path
):
    httpserver.expect_request("/libros/ajolote.pdf").respond_with_data(book, content_type="application/pdf")
    record = record_factory(
        external_id="prueba:descarga:ajolote",
        title="Ciencias naturales. Quinto grado",
        file_url=httpserver.url_for("/libros/ajolote.pdf"),
    )
    queued = import_fetch([record])
    assert "1 descargas en cola" in queued.stdout
    page = ResourcePage.objects.get(external_id=record["external_id"])
    assert page.stored_file is None  # the import only queues; the worker downloads

    result = ingest()
    assert result.code == 0, result.stderr
    assert "Descargados: 1" in result.stdout and "archivos leídos: 1" in result.stdout

    page.refresh_from_db()
    stored = page.stored_file
    assert stored.sha256 == hashlib.sha256(book).hexdigest() and stored.size_bytes == len(book)
    assert stored.mime_type == "application/pdf" and stored.original_name == "ajolote.pdf"
    assert stored.read_status == StoredFile.ReadStatus.READY and stored.page_count == 4
    assert stored.cover is not None and stored.cover.width == 600
    assert "branquias plumosas" in StoredFilePage.objects.get(stored_file=stored, number=3).text
    fetch = FileFetch.objects.get(resource=page)
    assert (fetch.status, fetch.attempts, fetch.last_error) == (FileFetch.Status.DONE, 1, "")

    found = client.get("/api/v1/search/", {"q": "branquias plumosas"}).json()["results"]
    assert [hit["external_id"] for hit in found] == [record["external_id"]]
    assert found[0]["pages"][0]["page"] == 3 and "<mark>" in found[0]["pages"][0]["snippet"]

    # The same catalogue again: the finished download is neither queued nor fetched again.
    again = import_fetch([record])
    assert "descargas en cola" not in again.stdout and "1 sin cambios" in again.stdout
    assert ingest().code == 0
    assert _requests(httpserver, "/libros/ajolote.pdf") == 1
    fetch = FileFetch.objects.get()
    assert (fetch.status, fetch.attempts) == (FileFetch.Status.DONE, 1)

    # The record now names a new edition at another address: it is downloaded and replaces the old file.
    httpserver.expect_request("/libros/ajolote-2025.pdf").respond_with_data(
        make_pdf(tmp_path / "nueva.pdf", ["Segunda edición", SENTENCE]).read_bytes(),
        content_type="application/pdf",
    )
    moved = import_fetch([{**record, "file_url": httpserver.url_for("/libros/ajolote-2025.pdf")}])
    assert "1 descargas en cola" in moved.stdout
    assert ingest().code == 0
    page.refresh_from_db()
    assert page.stored_file_id != stored.pk and page.stored_file.page_count == 2


@pytest.mark.parametrize(
    "path, respond, reason",
    [
        ("/libros/desaparecido.pdf", {"response_data": "No encontrado", "status": 404}, "el servidor respondió 404"),
        (
            "/libros/aviso.pdf",
            {"response_data": HTML, "content_type": "application/pdf"},
            "«aviso.pdf» es una página HTML o XML; un recurso de tipo «libro de texto» necesita PDF",
        ),
    ],
    ids=["404", "html-como-pdf"],
)
def test_a_failed_fetch_keeps_the_record_and_reports_its_reason(
    httpserver, local_downloads, import_fetch, ingest, record_factory, admin_client, path, respond, reason
):
    httpserver.expect_request(path).respond_with_data(**respond)
    url = httpserver.url_for(path)
    record = record_factory(
        external_id="prueba:descarga:falla",
        title="Lenguajes. Cuarto grado",
        description="Libro de lecturas para cuarto grado.",
        file_url=url,
    )
    import_fetch([record])

    before = timezone.now()
    result = ingest()
    assert result.code == 1
    assert "descargas fallidas: 1" in result.stdout
    assert f"prueba:descarga:falla ({url}): {reason}" in result.stderr
    assert "Informes → Archivos" in result.stderr

    page = ResourcePage.objects.get(external_id=record["external_id"]).specific
    assert page.live and page.stored_file is None
    assert (page.title, page.description, page.file_url) == (record["title"], record["description"], url)
    fetch = FileFetch.objects.get(resource=page)
    assert fetch.status == FileFetch.Status.PENDING and fetch.attempts == 1
    assert reason in fetch.last_error and fetch.next_attempt_at > before
    assert not StoredFile.objects.exists()

    report = admin_client.get("/admin/archivos/").content.decode()
    assert "Lenguajes. Cuarto grado" in report and url in report and reason in report


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_without_the_allow_list_a_loopback_address_is_refused(
    httpserver, settings, import_fetch, ingest, record_factory, book, host
):
    settings.ACERVO_FETCH_ALLOWED_HOSTS = []
    httpserver.expect_request("/libro.pdf").respond_with_data(book, content_type="application/pdf")
    url = f"http://{host}:{httpserver.port}/libro.pdf"
    import_fetch([record_factory(external_id="prueba:descarga:interna", file_url=url)])
    result = ingest()
    assert result.code == 1
    fetch = FileFetch.objects.get()
    assert fetch.last_error.startswith(f"«{host}» lleva a una dirección interna (")
    assert fetch.last_error.endswith("); no se descarga desde ahí")
    assert fetch.last_error in result.stderr
    assert httpserver.log == []  # refused before connecting
    assert ResourcePage.objects.get().stored_file is None


def _make_due(fetch):
    """What the clock does between attempts: the waiting download becomes due."""
    FileFetch.objects.filter(pk=fetch.pk).update(next_attempt_at=timezone.now() - timedelta(seconds=1))


def _failing_run(ingest):
    """Run ingest_files once more on a failing download; (smallest, largest) delay it can have chosen."""
    before = timezone.now()
    assert ingest().code == 1
    after = timezone.now()
    next_attempt = FileFetch.objects.get().next_attempt_at
    return next_attempt - after, next_attempt - before


def test_failures_back_off_and_only_retry_failed_retries_at_once(
    httpserver, local_downloads, import_fetch, ingest, record_factory, book
):
    path = "/libros/tarde.pdf"
    httpserver.expect_request(path).respond_with_data("Vuelva más tarde", status=503)
    import_fetch([record_factory(external_id="prueba:descarga:tarde", file_url=httpserver.url_for(path))])

    _shortest, first_longest = _failing_run(ingest)
    assert first_longest > timedelta(0)
    _make_due(FileFetch.objects.get())
    second_shortest, _longest = _failing_run(ingest)
    assert second_shortest > first_longest  # each failure waits longer than the one before
    fetch = FileFetch.objects.get()
    assert fetch.attempts == 2 and fetch.last_error == "el servidor respondió 503"

    # Not due yet: a plain run leaves it alone.
    quiet = ingest()
    assert quiet.code == 0 and "Descargados: 0; descargas fallidas: 0" in quiet.stdout
    assert _requests(httpserver, path) == 2
    assert FileFetch.objects.get().attempts == 2

    # The server is back; the operator does not wait for the next attempt.
    httpserver.clear()
    httpserver.expect_request(path).respond_with_data(book, content_type="application/pdf")
    retried = ingest("--retry-failed")
    assert retried.code == 0, retried.stderr
    assert "Descargados: 1" in retried.stdout
    fetch = FileFetch.objects.get()
    assert fetch.status == FileFetch.Status.DONE and fetch.last_error == ""
    assert ResourcePage.objects.get().stored_file.sha256 == hashlib.sha256(book).hexdigest()


def test_after_the_last_attempt_it_waits_for_an_operator(
    httpserver, local_downloads, import_fetch, ingest, record_factory, admin_client
):
    path = "/libros/nunca.pdf"
    httpserver.expect_request(path).respond_with_data("No encontrado", status=404)
    import_fetch(
        [
            record_factory(
                external_id="prueba:descarga:nunca", title="Libro inalcanzable", file_url=httpserver.url_for(path)
            )
        ]
    )
    for _attempt in range(MAX_FETCH_ATTEMPTS):
        _make_due(FileFetch.objects.get())
        assert ingest().code == 1
    fetch = FileFetch.objects.get()
    assert fetch.status == FileFetch.Status.FAILED and fetch.attempts == MAX_FETCH_ATTEMPTS
    _make_due(fetch)
    assert ingest().code == 0  # no automatic retry any more
    assert _requests(httpserver, path) == MAX_FETCH_ATTEMPTS
    report = admin_client.get("/admin/archivos/").content.decode()
    assert "Libro inalcanzable" in report and "sin más reintentos" in report

    assert ingest("--retry-failed").code == 1  # asked for: tried again at once
    assert _requests(httpserver, path) == MAX_FETCH_ATTEMPTS + 1
