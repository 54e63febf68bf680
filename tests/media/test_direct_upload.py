"""Large files go from the browser straight to S3 with presigned requests, then get verified."""

import json

import pytest
import requests

from media.models import MediaAsset
from tests.media.samples import mp4_bytes, upload

pytestmark = pytest.mark.django_db

START, RESUME, COMPLETE = (
    "/admin/medios/subir/iniciar/",
    "/admin/medios/subir/reanudar/",
    "/admin/medios/subir/completar/",
)


def post_json(client, url, body):
    response = client.post(
        url, json.dumps(body) if not isinstance(body, str) else body, content_type="application/json"
    )
    return response.status_code, response.json()


def upload_with_presigned_post(plan, name, content, content_type):
    # What the browser does: a multipart/form-data POST straight to the bucket.
    return requests.post(plan["url"], data=plan["fields"], files={"file": (name, content, content_type)}, timeout=30)


def test_presigned_post_upload_is_verified_and_becomes_an_asset(editor_client, s3_bucket):
    content = mp4_bytes(50_000)
    status, plan = post_json(
        editor_client, START, {"filename": "fracciones.mp4", "size": len(content), "kind": "video"}
    )
    assert status == 201 and plan["mode"] == "post"
    assert plan["fields"]["Content-Type"] == "video/mp4"

    sent = upload_with_presigned_post(plan, "fracciones.mp4", content, "video/mp4")
    assert sent.status_code in (200, 201, 204), sent.text
    assert MediaAsset.objects.count() == 0  # nothing exists until the server has checked the bytes

    status, body = post_json(editor_client, COMPLETE, {"token": plan["token"], "title": "Fracciones equivalentes"})
    assert status == 201, body
    asset = MediaAsset.objects.get(pk=body["id"])
    assert asset.title == "Fracciones equivalentes" and asset.kind == "video"
    assert asset.size_bytes == len(content) and asset.content_type == "video/mp4"
    assert s3_bucket.keys("assets/") == [asset.file.name]
    assert asset.file.read() == content

    # Completing again (a retried request) does not create a second asset.
    status, again = post_json(editor_client, COMPLETE, {"token": plan["token"], "title": "Otra vez"})
    assert status == 200 and again["id"] == asset.pk and MediaAsset.objects.count() == 1


def test_presigned_post_refuses_a_body_of_another_size(editor_client, s3_bucket):
    content = mp4_bytes(10_000)
    _, plan = post_json(editor_client, START, {"filename": "clase.mp4", "size": len(content), "kind": "video"})
    upload_with_presigned_post(plan, "clase.mp4", content + b"\x00" * 5000, "video/mp4")
    # AWS refuses the POST itself (content-length-range); servers that accept it are caught here.
    status, body = post_json(editor_client, COMPLETE, {"token": plan["token"]})
    assert status == 400
    assert "no llegó completo" in body["errors"]["file"] or "se esperaban 10000" in body["errors"]["file"]
    assert s3_bucket.keys() == [] and not MediaAsset.objects.exists()


def test_spoofed_content_is_refused_at_completion_and_removed_from_the_bucket(editor_client, s3_bucket):
    content = b"Esto es texto plano con nombre de video.\n" * 100
    _, plan = post_json(editor_client, START, {"filename": "clase.mp4", "size": len(content), "kind": "video"})
    sent = upload_with_presigned_post(plan, "clase.mp4", content, "video/mp4")
    assert sent.status_code in (200, 201, 204)
    assert len(s3_bucket.keys("assets/")) == 1

    status, body = post_json(editor_client, COMPLETE, {"token": plan["token"]})
    assert status == 400
    assert "es texto (documento); aquí se acepta: MP4, WebM" in body["errors"]["file"]
    assert s3_bucket.keys() == [] and not MediaAsset.objects.exists()


def test_large_file_goes_in_resumable_parts(editor_client, s3_bucket, settings):
    settings.ACERVO_MULTIPART_THRESHOLD_BYTES = 6 * 1024 * 1024
    settings.ACERVO_MULTIPART_PART_SIZE_BYTES = 5 * 1024 * 1024
    content = mp4_bytes(7 * 1024 * 1024 + 123)
    status, plan = post_json(editor_client, START, {"filename": "taller.mp4", "size": len(content), "kind": "video"})
    assert status == 201 and plan["mode"] == "multipart"
    assert [p["number"] for p in plan["parts"]] == [1, 2]

    first = plan["parts"][0]
    assert requests.put(first["url"], data=content[: plan["part_size"]], timeout=30).status_code == 200

    # The connection drops; the form asks what is left and gets fresh URLs for it only.
    status, resumed = post_json(editor_client, RESUME, {"token": plan["token"]})
    assert status == 200 and resumed["done"] == [1] and [p["number"] for p in resumed["parts"]] == [2]
    second = resumed["parts"][0]
    assert requests.put(second["url"], data=content[plan["part_size"] :], timeout=30).status_code == 200

    status, body = post_json(editor_client, COMPLETE, {"token": plan["token"], "title": "Taller"})
    assert status == 201, body
    asset = MediaAsset.objects.get(pk=body["id"])
    head = s3_bucket.client.head_object(Bucket=s3_bucket.name, Key=asset.file.name)
    assert head["ContentLength"] == len(content) and head["ContentType"] == "video/mp4"


@pytest.mark.parametrize(
    "body, field, message",
    [
        ("no es json", "body", "objeto JSON"),
        ({"filename": "a.mp4", "size": -5, "kind": "video"}, "size", "entero positivo"),
        ({"filename": "a.mp4", "size": 10, "kind": "pelicula"}, "kind", "«video» o «audio»"),
        ({"filename": "", "size": 10, "kind": "video"}, "filename", "texto"),
        ({"filename": "virus.exe", "size": 10, "kind": "video"}, "file", "no es de un tipo aceptado"),
        ({"filename": "clase.mp3", "size": 10, "kind": "video"}, "file", "no es de un tipo aceptado"),
    ],
)
def test_start_refuses_bad_requests_with_spanish_messages(editor_client, s3_bucket, body, field, message):
    status, answer = post_json(editor_client, START, body)
    assert status == 400
    assert message in answer["errors"][field]


def test_start_refuses_files_over_the_limit(editor_client, s3_bucket, settings):
    settings.ACERVO_UPLOAD_MAX_BYTES = {"video": 1000}
    status, answer = post_json(editor_client, START, {"filename": "a.webm", "size": 5000, "kind": "video"})
    assert status == 400 and "el máximo para video es" in answer["errors"]["file"]


def test_tampered_token_is_refused(editor_client, s3_bucket):
    status, answer = post_json(editor_client, COMPLETE, {"token": "assets/otro.mp4:falso"})
    assert status == 400 and "no es válido" in answer["errors"]["file"]


def test_direct_upload_needs_permission(client, django_user_model, s3_bucket):
    user = django_user_model.objects.create_user("lector", password="clave-segura-123")
    client.force_login(user)
    response = client.post(START, "{}", content_type="application/json")
    assert response.status_code in (302, 403)
    assert not s3_bucket.keys()


def test_upload_page_uses_direct_mode_on_s3(editor_client, s3_bucket):
    html = editor_client.get("/admin/medios/subir/").content.decode()
    assert 'data-direct="true"' in html and "direct-upload.js" in html and "<progress" in html


def test_local_storage_falls_back_to_an_ordinary_upload(editor_client, local_storage):
    html = editor_client.get("/admin/medios/subir/").content.decode()
    assert 'data-direct="false"' in html
    status, answer = post_json(editor_client, START, {"filename": "a.mp4", "size": 10, "kind": "video"})
    assert status == 409 and "usa el formulario" in answer["errors"]["storage"]

    content = mp4_bytes(4096)
    response = editor_client.post(
        "/admin/medios/subir/", {"title": "Clase", "kind": "video", "file": upload("clase.mp4", content)}
    )
    asset = MediaAsset.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/edit/{asset.pk}/")
    assert local_storage.read(asset.file.name) == content


def test_ordinary_upload_refuses_audio_sent_as_video(editor_client, store):
    response = editor_client.post(
        "/admin/medios/subir/", {"title": "Clase", "kind": "video", "file": upload("clase.mp3", b"ID3" + b"\x00" * 500)}
    )
    assert "es MP3 (audio); aquí se acepta: MP4, WebM" in response.content.decode()
    assert not MediaAsset.objects.exists() and store.keys() == []
