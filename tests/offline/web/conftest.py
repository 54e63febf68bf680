"""Fixtures for the offline lesson tests: the test course with media in a lesson, and a signed-in learner."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.test import Client
from wagtail.documents.models import Document

from tests.courses.conftest import course_tree  # noqa: F401 (a fixture used here)

WEBVTT = "WEBVTT\n\n00:00.000 --> 00:02.000\nHola, bienvenidas y bienvenidos.\n"


def stored_document(title, name, content):
    return Document.objects.create(title=title, file=ContentFile(content, name=name))


@pytest.fixture
def course_with_media(course_tree):  # noqa: F811
    """Lesson two has a video with Spanish captions and a downloadable PDF, all stored by the site."""
    video = stored_document("Clase grabada", "clase.webm", b"\x1aE\xdf\xa3" + b"\0" * 4096)
    captions = stored_document("Subtítulos", "clase.vtt", WEBVTT.encode())
    handout = stored_document("Guía de lectura", "guia.pdf", b"%PDF-1.4\n%%EOF\n")
    lesson = course_tree.lessons[1]
    lesson.body = [
        ("video", {"resource": None, "url": video.url, "captions": [{"language": "es", "url": captions.url}]}),
        ("document", handout),
    ]
    lesson.save_revision().publish()
    course_tree.media = {"video": video.url, "captions": captions.url, "handout": handout.url}
    return course_tree


@pytest.fixture
def enrolled_learner(course_with_media):
    """A learner enrolled in the course; `session` is their session cookie for the browser."""
    user = get_user_model().objects.create_user("lucia", password="una-clave-larga-2024", first_name="Lucía")
    client = Client()
    client.force_login(user)
    assert client.post("/api/v1/courses/didactica/enrolment/").status_code == 201
    user.session = client.cookies[settings.SESSION_COOKIE_NAME].value
    return user
