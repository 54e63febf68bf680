"""Editors build courses in the Wagtail admin: the lesson form edits its quiz inline."""

from django.contrib.auth import get_user_model
from django.test import Client


def test_lesson_edit_form_shows_the_quiz_inline(course_tree):
    admin = get_user_model().objects.create_superuser("editora", "e@example.mx", "clave-larga-123")
    client = Client()
    client.force_login(admin)
    quiz_lesson = course_tree.lessons[2]
    html = client.get(f"/admin/pages/{quiz_lesson.pk}/edit/").content.decode()
    assert "quizzes-TOTAL_FORMS" in html
    assert "Cuestionario final" in html and "2 + 2" in html
    assert "Intentos permitidos" in html


def test_only_lessons_can_be_added_to_a_module(course_tree):
    from courses.models import LessonPage, ModulePage

    assert ModulePage.allowed_subpage_models() == [LessonPage]
    assert LessonPage.allowed_parent_page_models() == [ModulePage]


def test_course_slugs_are_unique_across_tracks_because_the_api_uses_them(course_tree):
    import pytest
    from django.core.exceptions import ValidationError

    from courses.models import CoursePage, TrackPage

    other_track = TrackPage(title="Otro itinerario", slug="otro")
    course_tree.course.get_parent().get_parent().add_child(instance=other_track)
    clash = CoursePage(title="Otra didáctica", slug="didactica", summary="Otra")
    with pytest.raises(ValidationError) as error:
        other_track.add_child(instance=clash)
    assert "slug" in error.value.message_dict
