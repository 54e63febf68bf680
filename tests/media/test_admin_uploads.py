"""Images and documents uploaded in the Wagtail admin are checked by content and land in storage."""

import pytest
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from tests.media.samples import pdf_bytes, png_bytes, upload

pytestmark = pytest.mark.django_db

SVG = '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


def add_image(client, name, content):
    return client.post("/admin/images/add/", {"title": "Portada", "file": upload(name, content)})


def add_document(client, name, content):
    return client.post("/admin/documents/add/", {"title": "Guía", "file": upload(name, content)})


def test_image_upload_lands_in_storage_and_its_rendition_too(editor_client, store):
    response = add_image(editor_client, "portada.png", png_bytes(400, 300))
    assert response.status_code == 302, response.content.decode()[:2000]
    image = get_image_model().objects.get(title="Portada")
    assert store.keys("original_images/") == [image.file.name]
    assert store.read(image.file.name).startswith(b"\x89PNG")

    # The admin edit page shows a preview, which is a rendition written through the storage.
    editor_client.get(f"/admin/images/{image.pk}/")
    rendition = image.get_rendition("fill-40x40")
    assert rendition.file.name in store.keys("images/")
    assert rendition.width == 40


def test_image_urls_from_the_bucket_are_signed(editor_client, s3_bucket):
    add_image(editor_client, "portada.png", png_bytes())
    image = get_image_model().objects.get(title="Portada")
    url = image.file.url
    assert s3_bucket.name in url and "X-Amz-Signature=" in url


def test_decompression_bomb_is_refused(editor_client, store):
    # 400 million pixels in a few kilobytes: opening it for real would exhaust memory.
    bomb = png_bytes(20_000, 20_000, mode="1")
    assert len(bomb) < 200_000
    response = add_image(editor_client, "bomba.png", bomb)
    html = response.content.decode()
    assert response.status_code == 200
    assert "muchos pixeles" in html or "demasiados píxeles" in html
    assert not get_image_model().objects.exists()
    assert store.keys() == []


def test_image_over_the_pixel_limit_from_settings_is_refused(editor_client, store, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 10_000
    response = add_image(editor_client, "grande.png", png_bytes(200, 200))
    assert "muchos pixeles" in response.content.decode() or "demasiados píxeles" in response.content.decode()
    assert not get_image_model().objects.exists()


def test_svg_image_is_refused_even_named_png(editor_client, store):
    response = add_image(editor_client, "logo.png", SVG)
    html = response.content.decode()
    assert response.status_code == 200
    assert "SVG" in html
    assert not get_image_model().objects.exists()
    assert store.keys() == []


def test_pdf_document_is_accepted_and_stored(editor_client, store):
    response = add_document(editor_client, "guia.pdf", pdf_bytes())
    assert response.status_code == 302
    document = get_document_model().objects.get(title="Guía")
    assert store.keys("documents/") == [document.file.name]


def test_text_named_pdf_is_refused_as_spoofed(editor_client, store):
    response = add_document(editor_client, "guia.pdf", "Esto no es un PDF, es texto.\n")
    html = response.content.decode()
    assert response.status_code == 200
    assert "dice ser .pdf, pero su contenido es texto" in html
    assert not get_document_model().objects.exists()
    assert store.keys() == []


def test_pdf_that_cannot_be_opened_is_refused(editor_client, store):
    response = add_document(editor_client, "roto.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ntrailer garbage")
    assert "está dañado y no se puede abrir" in response.content.decode()
    assert not get_document_model().objects.exists()


def test_document_over_the_size_limit_from_settings_is_refused(editor_client, store, settings):
    settings.ACERVO_UPLOAD_MAX_BYTES = {"document": 100}
    response = add_document(editor_client, "guia.pdf", pdf_bytes())
    html = response.content.decode()
    assert "el máximo para documento es 100" in html
    assert not get_document_model().objects.exists()


def test_multiple_upload_refuses_spoofed_images_with_the_reason(editor_client, store):
    response = editor_client.post(
        "/admin/images/multiple/add/",
        {"files[]": upload("foto.jpg", pdf_bytes())},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    answer = response.json()
    assert answer["success"] is False
    assert "es PDF (documento); aquí se acepta: JPEG, PNG, WebP" in answer["error_message"]
    assert not get_image_model().objects.exists() and store.keys() == []


def test_multiple_upload_refuses_spoofed_documents(editor_client, store):
    response = editor_client.post(
        "/admin/documents/multiple/add/",
        {"files[]": upload("plan.pdf", png_bytes())},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    answer = response.json()
    assert answer["success"] is False
    assert "es PNG (imagen); aquí se acepta" in answer["error_message"]
    assert not get_document_model().objects.exists()
