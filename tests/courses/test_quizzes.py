"""Server-graded quizzes: answers never shown before submitting, grading, attempt limits."""

import json

from courses.models import QuizAttempt

from .conftest import put_progress


def _post_attempt(client, quiz, answers):
    return client.post(f"/api/v1/quizzes/{quiz.pk}/attempts/", {"answers": answers}, content_type="application/json")


def test_quiz_shows_questions_and_choices_but_not_which_are_right(enrolled, course_tree):
    response = enrolled.get(f"/api/v1/quizzes/{course_tree.quiz.pk}/")
    assert response.status_code == 200
    data = response.json()
    assert data["max_attempts"] == 2 and data["pass_score"] == 1.0
    assert [question["text"] for question in data["questions"]] == ["¿Cuánto es 2 + 2?", "¿Cuáles son vocales?"]
    assert [choice["text"] for choice in data["questions"][1]["choices"]] == ["A", "E", "K"]
    assert set(data["questions"][0]["choices"][0]) == {"id", "text"}
    assert "correct" not in response.content.decode()


def test_lesson_page_quiz_markup_does_not_reveal_answers(enrolled, course_tree):
    html = enrolled.get(course_tree.lessons[2].url).content.decode()
    assert "¿Cuánto es 2 + 2?" in html
    assert "correct" not in html.lower().replace("correctas", "")
    for question in course_tree.quiz.question_items():
        for choice in question.choices:
            assert f'name="q-{question.id}" value="{choice.id}"' in html


def test_attempt_is_graded_on_the_server_per_question(enrolled, course_tree):
    answers = course_tree.answers(right=True)
    first_question = next(iter(answers))
    answers[first_question] = []  # leave one unanswered
    response = _post_attempt(enrolled, course_tree.quiz, answers)
    assert response.status_code == 201
    data = response.json()
    assert data["attempt"] == 1
    assert data["score"] == 0.5
    assert data["passed"] is False
    assert list(data["results"].values()) == [False, True]


def test_multiple_choice_needs_every_right_choice_and_no_wrong_one(enrolled, course_tree):
    answers = course_tree.answers(right=True)
    vowels = list(answers)[1]
    answers[vowels] = answers[vowels][:1]
    assert _post_attempt(enrolled, course_tree.quiz, answers).json()["results"][vowels] is False


def test_attempts_are_limited_and_the_limit_answers_409(enrolled, course_tree):
    wrong = course_tree.answers(right=False)
    assert _post_attempt(enrolled, course_tree.quiz, wrong).json()["attempt"] == 1
    assert _post_attempt(enrolled, course_tree.quiz, wrong).json()["attempt"] == 2
    refused = _post_attempt(enrolled, course_tree.quiz, course_tree.answers(right=True))
    assert refused.status_code == 409
    assert "intentos" in refused.json()["errors"]["detail"]
    assert QuizAttempt.objects.filter(user=enrolled.user).count() == 2


def test_passing_the_quiz_completes_its_lesson(enrolled, course_tree):
    data = _post_attempt(enrolled, course_tree.quiz, course_tree.answers(right=True)).json()
    assert data["passed"] is True and data["score"] == 1.0
    assert data["percent_complete"] == 33
    status = put_progress(enrolled, course_tree.lessons[2], status="in_progress").json()["status"]
    assert status == "completed"


def test_bad_attempt_bodies_get_spanish_errors_and_use_no_attempt(enrolled, course_tree):
    quiz = course_tree.quiz
    missing = enrolled.post(f"/api/v1/quizzes/{quiz.pk}/attempts/", {}, content_type="application/json")
    assert missing.status_code == 400
    assert "answers" in missing.json()["errors"]
    unknown = _post_attempt(enrolled, quiz, {"no-existe": ["x"]})
    assert unknown.status_code == 400
    assert "no pertenece" in unknown.json()["errors"]["answers"]["no-existe"]
    question_id = next(iter(course_tree.answers()))
    foreign_choice = _post_attempt(enrolled, quiz, {question_id: ["opcion-ajena"]})
    assert foreign_choice.status_code == 400
    not_a_list = enrolled.post(
        f"/api/v1/quizzes/{quiz.pk}/attempts/",
        json.dumps({"answers": {question_id: 3}}),
        content_type="application/json",
    )
    assert not_a_list.status_code == 400
    assert not QuizAttempt.objects.exists()


def test_quiz_is_only_for_enrolled_learners(learner, course_tree):
    assert learner.get(f"/api/v1/quizzes/{course_tree.quiz.pk}/").status_code == 403
    refused = _post_attempt(learner, course_tree.quiz, course_tree.answers())
    assert refused.status_code == 403
    assert learner.get("/api/v1/quizzes/999999/").status_code == 404
    assert learner.post(f"/api/v1/quizzes/{10**30}/attempts/", {}, content_type="application/json").status_code == 404
