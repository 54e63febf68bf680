"""Lesson progress: idempotent writes, never backwards, percent complete and resume."""

from django.test import Client

from courses.models import LessonProgress

from .conftest import put_progress


def test_progress_is_saved_and_returns_the_course_percent(enrolled, course_tree):
    lesson = course_tree.lessons[0]
    response = put_progress(enrolled, lesson, status="in_progress", position_seconds=125)
    assert response.status_code == 200
    assert response.json() == {
        "lesson_id": lesson.pk,
        "status": "in_progress",
        "position_seconds": 125,
        "percent_complete": 0,
        "certificate": None,
    }
    done = put_progress(enrolled, lesson, status="completed")
    # 1 of 3 required lessons (the optional one does not count).
    assert done.json()["percent_complete"] == 33


def test_repeating_the_same_write_changes_nothing(enrolled, course_tree):
    lesson = course_tree.lessons[0]
    first = put_progress(enrolled, lesson, status="completed", position_seconds=30).json()
    second = put_progress(enrolled, lesson, status="completed", position_seconds=30).json()
    assert first == second
    assert LessonProgress.objects.filter(user=enrolled.user, lesson=lesson).count() == 1


def test_a_completed_lesson_never_goes_back_to_in_progress(enrolled, course_tree):
    lesson = course_tree.lessons[1]
    put_progress(enrolled, lesson, status="completed", position_seconds=300)
    later = put_progress(enrolled, lesson, status="in_progress", position_seconds=12)
    assert later.json()["status"] == "completed"
    assert later.json()["position_seconds"] == 12
    assert later.json()["percent_complete"] == 33


def test_resume_points_to_the_exact_lesson_and_position(enrolled, course_tree):
    first, second, _quiz = course_tree.lessons
    put_progress(enrolled, first, status="completed")
    put_progress(enrolled, second, status="in_progress", position_seconds=125)
    [item] = enrolled.get("/api/v1/me/courses/").json()
    assert item["course"]["slug"] == "didactica"
    assert item["resume"]["lesson_id"] == second.pk
    assert item["resume"]["position_seconds"] == 125
    assert item["resume"]["url"] == "/cursos/formacion/didactica/modulo-uno/leccion-dos/?t=125"
    assert item["certificate"] is None


def test_resume_starts_at_the_first_lesson_before_any_progress(enrolled, course_tree):
    [item] = enrolled.get("/api/v1/me/courses/").json()
    assert item["resume"]["lesson_id"] == course_tree.lessons[0].pk
    assert item["resume"]["position_seconds"] == 0
    assert item["percent_complete"] == 0


def test_bad_progress_bodies_get_spanish_errors(enrolled, course_tree):
    lesson = course_tree.lessons[0]
    wrong_status = put_progress(enrolled, lesson, status="done")
    assert wrong_status.status_code == 400
    assert "no es un estado válido" in wrong_status.json()["errors"]["status"][0]
    negative = put_progress(enrolled, lesson, status="in_progress", position_seconds=-5)
    assert negative.status_code == 400
    assert "position_seconds" in negative.json()["errors"]
    broken = enrolled.put(f"/api/v1/lessons/{lesson.pk}/progress/", "{no es json", content_type="application/json")
    assert broken.status_code == 400
    assert "errors" in broken.json()
    assert not LessonProgress.objects.exists()


def test_progress_needs_enrolment_a_session_and_a_published_lesson(learner, course_tree):
    lesson = course_tree.lessons[0]
    not_enrolled = put_progress(learner, lesson, status="completed")
    assert not_enrolled.status_code == 403
    assert "inscríbete" in not_enrolled.json()["errors"]["detail"]
    anonymous = put_progress(Client(), lesson, status="completed")
    assert anonymous.status_code in (401, 403)
    for absent in (999999, 10**30):
        missing = learner.put(
            f"/api/v1/lessons/{absent}/progress/", {"status": "completed"}, content_type="application/json"
        )
        assert missing.status_code == 404
        assert "lección" in missing.json()["errors"]["detail"]
    lesson.unpublish()
    assert put_progress(learner, lesson, status="completed").status_code == 404
    assert not LessonProgress.objects.exists()


def test_a_broken_body_or_a_missing_csrf_token_is_refused_in_spanish(enrolled, course_tree):
    lesson = course_tree.lessons[0]
    broken = enrolled.put(f"/api/v1/lessons/{lesson.pk}/progress/", "{no es json", content_type="application/json")
    assert broken.status_code == 400
    assert broken.json() == {"errors": {"detail": "El cuerpo de la petición no es JSON válido."}}

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(enrolled.user)
    no_token = put_progress(strict, lesson, status="completed")
    assert no_token.status_code == 403
    assert "token CSRF" in no_token.json()["errors"]["detail"]
    assert not LessonProgress.objects.exists()
