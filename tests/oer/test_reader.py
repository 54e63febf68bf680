"""A resource's stored file over HTTP (local disk and S3) and the reader page: addresses, headers, 404s, bad input."""

import re

import pytest
import requests
from django.core.files.storage import default_storage
from wagtail.models import PageViewRestriction

from media.models import StoredFile
from tests.factories import CatalogRecordFactory
from tests.media.conftest import local_storage, s3_bucket, s3_endpoint  # noqa: F401
from tests.media.samples import mp4_bytes

from .reader_support import PAGE_COUNT, SENTENCE_PAGE, import_book, import_files

pytestmark = pytest.mark.django_db


@pytest.fixture
def book(tmp_path, local_storage):  # noqa: F811
    return import_book(tmp_path / "catalogo")


def stored_bytes(resource):
    with default_storage.open(resource.stored_file.file.name, "rb") as handle:
        return handle.read()


def body(response):
    return b"".join(response.streaming_content)


# The file: /recursos/<slug>/archivo


def test_local_file_is_sent_inline_with_its_type_length_name_and_cache_headers(client, book):
    response = client.get(f"/recursos/{book.slug}/archivo")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert int(response["Content-Length"]) == book.stored_file.size_bytes
    assert response["Content-Disposition"] == f'inline; filename="{book.slug}.pdf"'
    assert response["ETag"] == f'"{book.stored_file.sha256}"'
    assert response["Accept-Ranges"] == "bytes"
    assert response["Cache-Control"] == "public, max-age=3600"
    assert body(response) == stored_bytes(book)


def test_descargar_asks_the_browser_to_save_the_file(client, book):
    response = client.get(f"/recursos/{book.slug}/archivo?descargar=1")
    assert response["Content-Disposition"] == f'attachment; filename="{book.slug}.pdf"'


def test_a_byte_range_is_answered_with_just_those_bytes(client, book):
    data = stored_bytes(book)
    size = len(data)
    asked = {
        "bytes=10-99": (10, 99),
        "bytes=100-": (100, size - 1),
        "bytes=-64": (size - 64, size - 1),
        f"bytes=0-{size * 2}": (0, size - 1),
    }
    for header, (first, last) in asked.items():
        response = client.get(f"/recursos/{book.slug}/archivo", HTTP_RANGE=header)
        assert response.status_code == 206, header
        assert response["Content-Range"] == f"bytes {first}-{last}/{size}", header
        assert int(response["Content-Length"]) == last - first + 1
        assert body(response) == data[first : last + 1], header


def test_a_range_past_the_end_is_not_satisfiable(client, book):
    size = book.stored_file.size_bytes
    response = client.get(f"/recursos/{book.slug}/archivo", HTTP_RANGE=f"bytes={size}-")
    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{size}"


def test_several_ranges_a_malformed_range_or_a_stale_if_range_get_the_whole_file(client, book):
    whole = stored_bytes(book)
    for headers in (
        {"HTTP_RANGE": "bytes=0-9,20-29"},
        {"HTTP_RANGE": "líneas=1-2"},
        {"HTTP_RANGE": "bytes=9-3"},
        {"HTTP_RANGE": "bytes=0-9", "HTTP_IF_RANGE": '"otra-version"'},
    ):
        response = client.get(f"/recursos/{book.slug}/archivo", **headers)
        assert response.status_code == 200, headers
        assert body(response) == whole


def test_a_current_etag_is_not_sent_again(client, book):
    etag = f'"{book.stored_file.sha256}"'
    response = client.get(f"/recursos/{book.slug}/archivo", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert client.get(f"/recursos/{book.slug}/archivo", HTTP_IF_RANGE=etag, HTTP_RANGE="bytes=0-9").status_code == 206


def test_head_answers_the_headers_and_writes_are_refused(client, book):
    head = client.head(f"/recursos/{book.slug}/archivo")
    assert head.status_code == 200 and int(head["Content-Length"]) == book.stored_file.size_bytes
    assert client.post(f"/recursos/{book.slug}/archivo").status_code == 405


def test_only_live_public_resources_with_a_file_are_served(client, book, tmp_path):
    assert client.get("/recursos/no-existe/archivo").status_code == 404
    assert client.get("/recursos/no-existe/leer/").status_code == 404

    without_file = import_files(tmp_path, [CatalogRecordFactory()])[0]
    assert client.get(f"/recursos/{without_file.slug}/archivo").status_code == 404
    assert client.get(f"/recursos/{without_file.slug}/leer/").status_code == 404

    restriction = PageViewRestriction.objects.create(page=book, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(f"/recursos/{book.slug}/archivo").status_code == 404
    assert client.get(f"/recursos/{book.slug}/leer/").status_code == 404
    restriction.delete()

    book.unpublish()
    assert client.get(f"/recursos/{book.slug}/archivo").status_code == 404
    assert client.get(f"/recursos/{book.slug}/leer/").status_code == 404


def test_a_file_missing_from_storage_is_not_found_rather_than_an_error(client, book):
    default_storage.delete(book.stored_file.file.name)
    assert client.get(f"/recursos/{book.slug}/archivo").status_code == 404


def test_s3_redirects_to_a_signed_url_that_serves_the_file_with_its_name(client, tmp_path, s3_bucket):  # noqa: F811
    book = import_book(tmp_path / "catalogo")
    assert s3_bucket.keys("archivos/") == [book.stored_file.file.name]

    response = client.get(f"/recursos/{book.slug}/archivo")
    assert response.status_code == 302
    location = response["Location"]
    assert location.startswith(f"{s3_bucket.client.meta.endpoint_url}/{s3_bucket.name}/{book.stored_file.file.name}?")
    assert "X-Amz-Signature=" in location and "X-Amz-Expires=" in location
    assert response["Cache-Control"] == "private, max-age=60"

    fetched = requests.get(location, timeout=10)
    stored = s3_bucket.read(book.stored_file.file.name)
    assert fetched.status_code == 200
    assert fetched.content == stored
    assert fetched.headers["Content-Type"] == "application/pdf"
    assert fetched.headers["Content-Disposition"] == f'inline; filename="{book.slug}.pdf"'

    download = requests.get(client.get(f"/recursos/{book.slug}/archivo?descargar=1")["Location"], timeout=10)
    assert download.headers["Content-Disposition"] == f'attachment; filename="{book.slug}.pdf"'
    ranged = requests.get(location, headers={"Range": "bytes=0-7"}, timeout=10)
    assert ranged.status_code == 206 and ranged.content == stored[:8]  # pdf.js reads the book in ranges


# The reader: /recursos/<slug>/leer/?pagina=N&q=…


def reader_html(client, book, query=""):
    response = client.get(f"/recursos/{book.slug}/leer/{query}")
    assert response.status_code == 200
    return response.content.decode()


def test_reader_opens_the_asked_page_with_the_words_to_mark(client, book):
    html = reader_html(client, book, f"?pagina={SENTENCE_PAGE}&q=Fotosíntesis+de+las+plantas")
    assert 'data-page="3"' in html
    assert 'data-terms="fotosintesi planta"' in html  # folded, plurals dropped, common words left out
    assert f"Página 3 de {PAGE_COUNT}" in html
    assert f'data-file="/recursos/{book.slug}/archivo"' in html
    # Without JavaScript: the PDF at that page, and the neighbouring pages keep the query.
    assert f'href="/recursos/{book.slug}/archivo#page=3"' in html
    assert f'href="/recursos/{book.slug}/leer/?pagina=2&amp;q=Fotos%C3%ADntesis+de+las+plantas" rel="prev"' in html
    assert f'href="/recursos/{book.slug}/leer/?pagina=4&amp;q=Fotos%C3%ADntesis+de+las+plantas" rel="next"' in html
    assert f'href="/recursos/{book.slug}/archivo?descargar=1" download' in html
    assert f'href="{book.url}">Volver a la ficha</a>' in html
    # pdf.js and the reader are files served by the site, not inline scripts.
    assert '<script type="module" src="/static/oer/reader.js"></script>' in html
    assert 'data-pdfjs="/static/pdfjs/build/pdf.min.mjs"' in html
    assert 'data-worker="/static/pdfjs/build/pdf.worker.min.mjs"' in html
    assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html) == []
    assert '<html lang="es-MX">' in html and '<meta name="robots" content="noindex">' in html


def test_reader_without_pagina_opens_page_one_without_a_notice(client, book):
    html = reader_html(client, book)
    assert 'data-page="1"' in html and f"Página 1 de {PAGE_COUNT}" in html
    assert "data-reader-notice hidden" in html
    assert 'aria-disabled="true" data-reader-previous' in html


@pytest.mark.parametrize(
    ("pagina", "shown", "notice"),
    [
        ("abc", 1, "«abc» no es un número de página; se muestra la página 1."),
        ("-4", 1, "«-4» no es un número de página; se muestra la página 1."),
        ("0", 1, "Las páginas empiezan en 1; se muestra la página 1."),
        ("2.5", 1, "«2.5» no es un número de página; se muestra la página 1."),
        ("9" * 5000, 1, "no es un número de página; se muestra la página 1."),
        ("999", PAGE_COUNT, f"El libro tiene {PAGE_COUNT} páginas; se muestra la última."),
    ],
)
def test_a_bad_page_number_opens_a_real_page_with_a_spanish_notice(client, book, pagina, shown, notice):
    html = reader_html(client, book, f"?pagina={pagina}")
    assert f'data-page="{shown}"' in html
    assert notice in html
    assert f"Página {shown} de {PAGE_COUNT}" in html


def test_the_last_page_has_no_next_link(client, book):
    html = reader_html(client, book, f"?pagina={PAGE_COUNT}")
    assert 'aria-disabled="true" data-reader-next' in html and 'rel="next"' not in html


def test_a_query_is_bounded_and_escaped(client, book):
    html = reader_html(client, book, "?q=" + "<script>alert(1)</script>" + "x" * 500)
    assert "<script>alert" not in html
    terms = re.search(r'data-terms="([^"]*)"', html)[1]
    assert all(len(term) <= 200 for term in terms.split())


def test_reader_of_a_file_that_is_not_a_pdf_is_not_found(client, tmp_path, local_storage):  # noqa: F811
    (tmp_path / "clase.mp4").write_bytes(mp4_bytes())
    video = import_files(tmp_path, [CatalogRecordFactory(type="video", file="clase.mp4", file_url=None)])[0]
    assert video.stored_file.mime_type == "video/mp4"
    assert client.get(f"/recursos/{video.slug}/leer/").status_code == 404
    assert client.get(f"/recursos/{video.slug}/archivo")["Content-Type"] == "video/mp4"
    # Its page plays the stored file (no uploaded media asset), seekable through byte ranges.
    html = client.get(video.url).content.decode()
    assert f'<video controls preload="none" src="/recursos/{video.slug}/archivo"' in html
    assert f'href="/recursos/{video.slug}/archivo?descargar=1" download>Descargar el archivo</a> (MP4,' in html


# The resource page


def test_resource_page_shows_the_cover_the_download_with_its_facts_and_the_reader(client, book):
    html = client.get(book.url).content.decode()
    cover = re.search(r'<img [^>]*class="cover"[^>]*>', html)[0]
    assert f'alt="Portada de «{book.title}»"' in cover
    rendition = book.stored_file.cover.get_rendition("width-300")
    assert f'src="{rendition.url}"' in cover and 'width="300"' in cover
    size = book.stored_file.size_label
    assert (
        f'<a class="button" href="/recursos/{book.slug}/archivo?descargar=1" download>Descargar '
        f'<span class="button-note">(PDF, {size}, {PAGE_COUNT} páginas)</span></a>'
    ) in html
    assert f'<a class="button secondary" href="/recursos/{book.slug}/leer/">Leer en línea</a>' in html
    assert '<meta property="og:image" content="http' in html


def test_a_pdf_not_read_yet_offers_the_download_without_a_page_count(client, book):
    StoredFile.objects.filter(pk=book.stored_file_id).update(page_count=None, cover=None)
    html = client.get(book.url).content.decode()
    assert f"(PDF, {book.stored_file.size_label})</span>" in html
    assert 'class="cover"' not in html
    # The reader still opens; pdf.js learns the page count from the file.
    reader = reader_html(client, book, "?pagina=3")
    assert 'data-page="3"' in reader and "Página 3</p>" in reader


def test_pdfjs_is_published_without_its_sources_or_maps(run_command):
    found = run_command(
        "findstatic",
        "pdfjs/build/pdf.min.mjs",
        "pdfjs/build/pdf.worker.min.mjs",
        "pdfjs/standard_fonts/LiberationSans-Regular.ttf",
        "pdfjs/cmaps/UniJIS-UTF16-H.bcmap",
    )
    assert found.stdout.count("Found '") == 4, found.stdout + found.stderr
    hidden = run_command(
        "findstatic",
        "pdfjs/build/pdf.mjs",
        "pdfjs/build/pdf.mjs.map",
        "pdfjs/package.json",
        "pdfjs/cmaps/../package.json",
        "pdfjs/legacy/build/pdf.min.mjs",
    )
    assert "Found '" not in hidden.stdout
