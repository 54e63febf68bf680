"""The imported courses taken over HTTP like any other: enrol, progress, quiz, certificate."""

from courses.models import Certificate, Quiz

from ..conftest import make_learner
from .conftest import write_tar
from .test_olx_import import olx_files


def right_answers(quiz, right=True):
    answers = {}
    for block in quiz.questions:
        choices = [(str(child.id), child.value["correct"]) for child in block.value["choices"].bound_blocks]
        picked = [choice_id for choice_id, correct in choices if correct == right]
        answers[str(block.id)] = picked if right else picked[:1]
    return answers


def take_course(client, slug):
    """Complete every lesson of the course through the learner API; returns the last response body."""
    detail = client.get(f"/api/v1/courses/{slug}/")
    assert detail.status_code == 200
    lessons = [lesson for module in detail.json()["modules"] for lesson in module["lessons"]]
    assert client.post(f"/api/v1/courses/{slug}/enrolment/").status_code == 201
    last = None
    for lesson in lessons:
        if lesson["quiz"]:
            quiz = Quiz.objects.get(pk=lesson["quiz"])
            assert client.get(f"/api/v1/quizzes/{quiz.pk}/").status_code == 200
            failed = client.post(
                f"/api/v1/quizzes/{quiz.pk}/attempts/",
                {"answers": right_answers(quiz, right=False)},
                content_type="application/json",
            )
            assert failed.status_code == 201 and failed.json()["passed"] is False
            last = client.post(
                f"/api/v1/quizzes/{quiz.pk}/attempts/",
                {"answers": right_answers(quiz)},
                content_type="application/json",
            )
            assert last.status_code == 201 and last.json()["passed"] is True
        else:
            last = client.put(
                f"/api/v1/lessons/{lesson['id']}/progress/", {"status": "completed"}, content_type="application/json"
            )
            assert last.status_code == 200
    return last.json()


def test_imported_cartridge_is_taken_to_its_certificate(run_command, site_structure, realistic_cartridge):
    assert run_command("import_course", str(realistic_cartridge), "--skip-unsupported", "--no-progress").code == 0
    learner = make_learner("maestra")
    final = take_course(learner, "cc-evaluacion-formativa-2026")
    certificate = Certificate.objects.get(user=learner.user)
    assert final["certificate"]["code"] == certificate.code
    assert learner.get(final["certificate"]["url"]).status_code == 200
    [mine] = learner.get("/api/v1/me/courses/").json()
    assert mine["certificate"]["code"] == certificate.code


def test_imported_olx_course_is_taken_to_its_certificate(run_command, site_structure, tmp_path):
    path = write_tar(tmp_path / "curso.tar.gz", olx_files())
    assert run_command("import_course", str(path), "--no-progress").code == 0
    learner = make_learner("maestro")
    final = take_course(learner, "edx-minedu-evf101-2026_t1")
    assert Certificate.objects.filter(user=learner.user).exists() and final["certificate"]
