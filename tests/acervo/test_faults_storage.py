"""S3 unreachable during an upload: a clear Spanish error and no record pointing at a missing file.

The bucket lives on a real moto S3 server that is stopped before the upload and started again
afterwards, so the bucket can be looked into: nothing reached it and nothing in the database
names a file.
"""

import json
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from moto.server import ThreadedMotoServer
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from media.models import MediaAsset, StoredFile
from media.storage_settings import storages_from_environment
from oer.models import TextbookPage
from tests.media.conftest import CREDENTIALS, REGION, Bucket, _free_port
from tests.media.samples import mp4_bytes, pdf_bytes, png_bytes, upload
from tests.oer.editorial_support import editor, textbook_form
from tests.pdf_factory import make_pdf

pytestmark = pytest.mark.django_db

UNAVAILABLE = "El almacenamiento de archivos no respondió"


class S3Server:
    """A moto S3 server on its own port that can be stopped and started again (its buckets survive)."""

    def __init__(self):
        self.port = _free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}"
        self._server = None

    def start(self):
        self._server = ThreadedMotoServer(ip_address="127.0.0.1", port=self.port, verbose=False)
        self._server.start()

    def stop(self):
        self._server.stop()
        self._server = None


@pytest.fixture
def unreachable_bucket(settings):
    """STORAGES on S3 with a bucket that exists, then its server stopped; started again at the end."""
    server = S3Server()
    server.start()
    bucket = Bucket(server.endpoint, f"acervo-{uuid.uuid4().hex[:12]}")
    settings.STORAGES = storages_from_environment(
        {
            "AWS_STORAGE_BUCKET_NAME": bucket.name,
            "AWS_S3_ENDPOINT_URL": server.endpoint,
            "AWS_S3_REGION_NAME": REGION,
            "AWS_S3_ADDRESSING_STYLE": "path",
            **CREDENTIALS,
        }
    )
    server.stop()
    yield bucket
    server.start()
    assert bucket.keys() == []  # nothing of the failed upload reached the bucket
    server.stop()


@pytest.fixture
def superuser_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editora", "editora@example.mx", "clave-segura-123")
    client.force_login(user)
    return client


def test_admin_image_upload_with_s3_down_says_so_and_records_nothing(superuser_client, unreachable_bucket):
    response = superuser_client.post("/admin/images/add/", {"title": "Portada", "file": upload("p.png", png_bytes())})
    assert response.status_code == 200
    assert UNAVAILABLE in response.content.decode()
    assert not get_image_model().objects.exists()


def test_admin_document_upload_with_s3_down_says_so_and_records_nothing(superuser_client, unreachable_bucket):
    response = superuser_client.post("/admin/documents/add/", {"title": "Guía", "file": upload("g.pdf", pdf_bytes())})
    assert response.status_code == 200
    assert UNAVAILABLE in response.content.decode()
    assert not get_document_model().objects.exists()


def test_resource_file_with_s3_down_says_so_and_records_nothing(site_structure, tmp_path, unreachable_bucket):
    make_pdf(tmp_path / "libro.pdf", ["Portada del libro"])
    _user, client = editor()
    archivo = SimpleUploadedFile("libro.pdf", (tmp_path / "libro.pdf").read_bytes(), content_type="application/pdf")
    url = reverse("wagtailadmin_pages:add", args=("oer", "textbookpage", site_structure.pk))
    response = client.post(url, textbook_form(slug="libro-con-archivo", archivo=archivo))
    assert response.status_code == 200
    assert UNAVAILABLE in response.content.decode()
    assert not StoredFile.objects.exists()
    assert not TextbookPage.objects.filter(slug="libro-con-archivo").exists()


def test_media_upload_form_with_s3_down_says_so_and_records_nothing(superuser_client, unreachable_bucket):
    body = {"title": "Clase", "kind": "video", "file": upload("clase.mp4", mp4_bytes(), "video/mp4")}
    response = superuser_client.post("/admin/medios/subir/", body)
    assert response.status_code == 200
    assert UNAVAILABLE in response.content.decode()
    assert not MediaAsset.objects.exists()


def post_json(client, url, body):
    response = client.post(url, json.dumps(body), content_type="application/json")
    return response.status_code, response.json()


def test_direct_upload_with_s3_down_answers_a_clear_error_and_records_nothing(
    superuser_client, unreachable_bucket, settings
):
    settings.ACERVO_MULTIPART_THRESHOLD_BYTES = 1024
    start = {"filename": "clase.mp4", "size": 50_000, "kind": "video"}
    status, body = post_json(superuser_client, "/admin/medios/subir/iniciar/", start)
    assert status == 400
    assert UNAVAILABLE in json.dumps(body, ensure_ascii=False)

    settings.ACERVO_MULTIPART_THRESHOLD_BYTES = 10**9  # a presigned POST is signed locally, without S3
    status, plan = post_json(superuser_client, "/admin/medios/subir/iniciar/", start)
    assert status == 201
    status, body = post_json(superuser_client, "/admin/medios/subir/completar/", {"token": plan["token"]})
    assert status == 400
    assert UNAVAILABLE in json.dumps(body, ensure_ascii=False)
    assert not MediaAsset.objects.exists()
