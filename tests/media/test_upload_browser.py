"""The upload page's script in a real browser: direct to S3 with a progress bar, or an ordinary post."""

import pytest

from media.models import MediaAsset
from tests.media.samples import mp4_bytes

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def browser_page(browser):
    context = browser.new_context(locale="es-MX")
    page = context.new_page()
    yield context, page
    # The admin page a test ends on keeps loading (scripts, API calls) on the live server, which
    # shares the test database connection: let it finish, or the next test starts inside its transaction.
    try:
        page.wait_for_load_state("networkidle", timeout=15_000)
    finally:
        context.close()


def submit_upload(browser_page, live_server, client, django_user_model, video):
    context, page = browser_page
    user = django_user_model.objects.create_superuser("editora", "editora@example.mx", "clave-segura-123")
    client.force_login(user)
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}])
    page.goto(f"{live_server.url}/admin/medios/subir/")
    page.fill("input[name=title]", "Fracciones en el navegador")
    page.select_option("select[name=kind]", "video")
    page.set_input_files("input[name=file]", str(video))
    page.click("[data-media-upload] button[type=submit]")
    return page


def upload_in_browser(browser_page, live_server, client, django_user_model, tmp_path, size=300_000):
    video = tmp_path / "fracciones.mp4"
    video.write_bytes(mp4_bytes(size))
    page = submit_upload(browser_page, live_server, client, django_user_model, video)
    try:
        page.wait_for_url("**/edit/**", timeout=30_000)
    except Exception as exc:
        raise AssertionError(f"La subida no terminó: {page.inner_text('[data-upload-status]')}") from exc
    return page, video


def test_browser_uploads_straight_to_the_bucket(
    browser_page, live_server, client, django_user_model, s3_bucket, tmp_path
):
    page, video = upload_in_browser(browser_page, live_server, client, django_user_model, tmp_path)
    asset = MediaAsset.objects.get()
    assert asset.title == "Fracciones en el navegador" and asset.size_bytes == video.stat().st_size
    assert s3_bucket.keys("assets/") == [asset.file.name]
    assert "Fracciones en el navegador" in page.content()


def test_browser_sends_a_large_file_in_parts(
    browser_page, live_server, client, django_user_model, s3_bucket, tmp_path, settings
):
    settings.ACERVO_MULTIPART_THRESHOLD_BYTES = 6 * 1024 * 1024
    settings.ACERVO_MULTIPART_PART_SIZE_BYTES = 5 * 1024 * 1024
    page, video = upload_in_browser(
        browser_page, live_server, client, django_user_model, tmp_path, size=11 * 1024 * 1024
    )
    asset = MediaAsset.objects.get()
    head = s3_bucket.client.head_object(Bucket=s3_bucket.name, Key=asset.file.name)
    assert head["ContentLength"] == video.stat().st_size == asset.size_bytes
    # The resume key is dropped once the upload is complete.
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('acervo-upload:'))") == []


def test_browser_falls_back_to_an_ordinary_upload_on_local_disk(
    browser_page, live_server, client, django_user_model, local_storage, tmp_path
):
    page, video = upload_in_browser(browser_page, live_server, client, django_user_model, tmp_path)
    asset = MediaAsset.objects.get()
    assert local_storage.read(asset.file.name) == video.read_bytes()


def test_browser_shows_why_a_spoofed_file_was_refused(
    browser_page, live_server, client, django_user_model, s3_bucket, tmp_path
):
    video = tmp_path / "clase.mp4"
    video.write_text("Esto es texto, no un video.\n" * 200)
    page = submit_upload(browser_page, live_server, client, django_user_model, video)
    status = page.locator("[data-upload-status]")
    status.filter(has_text="aquí se acepta").wait_for(timeout=30_000)
    assert "es texto (documento); aquí se acepta: MP4, WebM" in status.inner_text()
    assert not MediaAsset.objects.exists() and s3_bucket.keys() == []
