"""Course tracks as JSON, built from their live pages; quiz answers only for a keyed node."""

from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage, TrackPage
from oer.visibility import published_resources


def stamp(page):
    return page.last_published_at.isoformat() if page.last_published_at else ""


def catalogue():
    """Every live track and its live courses, with a stamp that changes when any of their pages does."""
    index = CourseIndexPage.objects.live().first()
    if index is None:
        return []
    tracks = []
    for track in TrackPage.objects.child_of(index).live().public().specific().order_by("path"):
        courses = []
        for course in CoursePage.objects.child_of(track).live().public().specific().order_by("path"):
            pages = list(course.get_descendants().live())
            newest = max([stamp(course)] + [stamp(page) for page in pages])
            courses.append(
                {
                    "id": course.pk,
                    "slug": course.slug,
                    "title": course.title,
                    "level": course.level,
                    "stamp": f"{newest}#{len(pages)}",
                }
            )
        tracks.append(
            {
                "id": track.pk,
                "slug": track.slug,
                "title": track.title,
                "summary": track.summary,
                "audience": track.audience,
                "stamp": stamp(track),
                "courses": courses,
            }
        )
    return tracks


def course_detail(course, with_answers):
    modules = []
    for module in ModulePage.objects.child_of(course).live().public().specific().order_by("path"):
        lessons = [
            lesson_detail(lesson, with_answers)
            for lesson in LessonPage.objects.child_of(module).live().public().specific().order_by("path")
        ]
        modules.append(
            {"id": module.pk, "slug": module.slug, "title": module.title, "summary": module.summary, "lessons": lessons}
        )
    return {
        "id": course.pk,
        "slug": course.slug,
        "title": course.title,
        "summary": course.summary,
        "description": course.description,
        "hours": course.hours,
        "level": course.level,
        "audience": course.audience,
        "prerequisites": course.prerequisites,
        "completion_rule": course.completion_rule,
        "answers_included": with_answers,
        "modules": modules,
    }


def lesson_detail(lesson, with_answers):
    quiz = lesson.quizzes.first()
    return {
        "id": lesson.pk,
        "slug": lesson.slug,
        "title": lesson.title,
        "required": lesson.required,
        "body": portable_body(lesson.body.raw_data),
        "quiz": quiz_detail(quiz, with_answers) if quiz else None,
    }


def quiz_detail(quiz, with_answers):
    questions = []
    for block in quiz.questions.raw_data:
        value = block["value"]
        choices = []
        for item in value.get("choices") or []:
            choice = item.get("value", item) if isinstance(item, dict) and "value" in item else item
            entry = {"text": choice.get("text", "")}
            if with_answers:
                entry["correct"] = bool(choice.get("correct"))
            choices.append(entry)
        questions.append({"text": value.get("text", ""), "choices": choices})
    return {
        "title": quiz.title,
        "pass_score": str(quiz.pass_score),
        "max_attempts": quiz.max_attempts,
        "questions": questions,
    }


def portable_body(raw_blocks):
    """The lesson body with resource links as external ids (page ids mean nothing on a node).

    Downloadable documents stay on the source and are left out.
    """
    pks = [
        block["value"].get("resource")
        for block in raw_blocks
        if block["type"] in ("video", "resource") and block["value"].get("resource")
    ]
    # Only public resources: a node holds no other, and a restricted one's id is not for the public.
    external_ids = dict(published_resources().filter(pk__in=pks).values_list("pk", "external_id"))
    portable = []
    for block in raw_blocks:
        kind, value = block["type"], dict(block["value"]) if isinstance(block["value"], dict) else block["value"]
        if kind == "document":
            continue
        if kind in ("video", "resource"):
            value["resource"] = external_ids.get(value.get("resource"))
            if kind == "resource" and value["resource"] is None:
                continue
        portable.append({"type": kind, "value": value})
    return portable
