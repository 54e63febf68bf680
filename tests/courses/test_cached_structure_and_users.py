"""What the progress write keeps cached (course plans, signed-in users) follows every change at once."""

from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import PageViewRestriction

from courses.models import LessonPage, ModulePage

from .conftest import publish, put_progress


def test_an_unpublished_lesson_stops_taking_progress_and_a_republished_one_takes_it_again(enrolled, course_tree):
    lesson = course_tree.lessons[0]
    assert put_progress(enrolled, lesson, status="in_progress", position_seconds=5).status_code == 200
    lesson.unpublish()
    gone = put_progress(enrolled, lesson, status="in_progress", position_seconds=6)
    assert gone.status_code == 404
    assert "lección publicada" in gone.json()["errors"]["detail"]
    lesson.save_revision().publish()
    assert put_progress(enrolled, lesson, status="in_progress", position_seconds=7).json()["position_seconds"] == 7


def test_a_new_required_lesson_counts_from_the_next_write(enrolled, course_tree):
    first = put_progress(enrolled, course_tree.lessons[0], status="completed").json()
    assert first["percent_complete"] == 33  # 1 of 3 required lessons
    publish(ModulePage.objects.get(slug="modulo-uno"), LessonPage(title="Lección nueva", slug="nueva"))
    again = put_progress(enrolled, course_tree.lessons[0], status="completed").json()
    assert again["percent_complete"] == 25  # 1 of 4


def test_a_lesson_made_private_is_no_longer_published(enrolled, course_tree):
    lesson = course_tree.lessons[1]
    assert put_progress(enrolled, lesson, status="in_progress").status_code == 200
    PageViewRestriction.objects.create(page=lesson, restriction_type=PageViewRestriction.LOGIN)
    assert put_progress(enrolled, lesson, status="in_progress").status_code == 404


def test_a_moved_lesson_counts_for_its_new_course(enrolled, course_tree):
    lesson = course_tree.lessons[1]
    put_progress(enrolled, lesson, status="completed")
    other_course = publish(
        course_tree.course.get_parent(),
        type(course_tree.course)(title="Otro curso", slug="otro", summary="Otro", hours=1),
    )
    module = publish(other_course, ModulePage(title="Módulo", slug="modulo"))
    lesson.move(module, pos="last-child")
    # Not enrolled in the other course: the lesson now answers for that course.
    moved = put_progress(enrolled, LessonPage.objects.get(pk=lesson.pk), status="completed")
    assert moved.status_code == 403


def test_a_new_password_signs_out_every_other_session_at_once(enrolled, course_tree):
    lesson = course_tree.lessons[0]
    assert put_progress(enrolled, lesson, status="in_progress").status_code == 200  # the user is now cached
    user = enrolled.user
    user.set_password("otra-contraseña-segura-456")
    user.save()
    assert put_progress(enrolled, lesson, status="in_progress").status_code == 403


def test_a_deactivated_or_deleted_account_is_refused_on_its_next_request(enrolled, course_tree):
    lesson = course_tree.lessons[0]
    assert put_progress(enrolled, lesson, status="in_progress").status_code == 200
    user = get_user_model().objects.get(pk=enrolled.user.pk)
    user.is_active = False
    user.save()
    assert put_progress(enrolled, lesson, status="in_progress").status_code == 403

    other = Client()
    other.force_login(get_user_model().objects.create_user("carla", password="contraseña-segura-123"))
    assert other.get("/api/v1/me/courses/").status_code == 200
    get_user_model().objects.filter(username="carla").get().delete()
    assert other.get("/api/v1/me/courses/").status_code == 403
