"""The installable site over plain HTTP: manifest, service worker, offline page and a course's file listing."""

import json

from django.test import Client


def test_manifest_names_the_site_in_spanish_with_icons(site_structure):
    response = Client().get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/manifest+json")
    manifest = json.loads(response.content)
    assert manifest["short_name"] == "Acervo"
    assert "Recursos educativos abiertos" in manifest["name"]
    assert manifest["lang"] == "es-MX"
    assert manifest["start_url"] == "/" and manifest["display"] == "standalone"
    assert manifest["theme_color"] == "#6b1d3a"
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes
    assert any(icon.get("purpose") == "maskable" for icon in manifest["icons"])


def test_every_page_links_the_manifest_and_registers_the_worker_without_inline_script(site_structure):
    html = Client().get("/sin-conexion/").content.decode()
    assert '<link rel="manifest" href="/manifest.webmanifest">' in html
    assert "offline_web/offline.js" in html
    assert "<script>" not in html


def test_the_worker_is_served_from_the_root_and_never_cached(site_structure):
    response = Client().get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    body = response.content.decode()
    config = json.loads(body.split("self.ACERVO_OFFLINE = ", 1)[1].split(";\n", 1)[0])
    assert "/sin-conexion/" in config["precache"]
    assert len(config["version"]) == 12
    assert "importScripts(CONFIG.queueScript)" in body


def test_the_offline_page_is_friendly_and_in_spanish(site_structure):
    response = Client().get("/sin-conexion/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Sin conexión</h1>" in html
    assert "no está guardada en este dispositivo" in html


def test_a_course_listing_has_its_pages_static_files_and_lesson_media(course_with_media):
    tree = course_with_media
    response = Client().get(f"/cursos-sin-conexion/{tree.course.pk}.json")
    assert response.status_code == 200
    listing = response.json()
    assert listing["course"] == {"id": tree.course.pk, "title": "Didáctica de la lectura", "url": tree.course.url}
    assert listing["cache"] == f"acervo-curso-{tree.course.pk}"
    lesson_urls = [lesson["url"] for lesson in listing["lessons"]]
    assert lesson_urls == [lesson.url for lesson in tree.lessons[:2]] + [tree.optional.url, tree.lessons[2].url]
    assert listing["pages"] == [tree.course.url] + lesson_urls
    files = listing["files"]
    assert "/static/css/acervo.css" in files and "/static/courses/lesson-progress.js" in files
    assert {tree.media["video"], tree.media["captions"], tree.media["handout"]} <= set(files)
    assert len(files) == len(set(files))


def test_a_listing_of_a_course_that_is_not_published_is_a_spanish_404(course_with_media):
    course = course_with_media.course
    course.unpublish()
    response = Client().get(f"/cursos-sin-conexion/{course.pk}.json")
    assert response.status_code == 404
    assert response.json() == {"errors": {"detail": "No existe un curso publicado con ese identificador."}}
    assert Client().get("/cursos-sin-conexion/999999.json").status_code == 404


def test_the_session_token_names_the_learner_and_is_never_cached(enrolled_learner):
    anonymous = Client().get("/cursos-sin-conexion/token.json")
    assert anonymous.json()["user"] is None and anonymous.json()["csrfToken"]
    client = Client()
    client.force_login(enrolled_learner)
    response = client.get("/cursos-sin-conexion/token.json")
    assert response.json()["user"] == enrolled_learner.pk
    assert "no-store" in response["Cache-Control"]
