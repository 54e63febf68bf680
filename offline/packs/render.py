"""The pack's HTML pages, rendered one at a time from the pack contents (relative links only)."""

from django.template.loader import render_to_string
from django.utils import translation

TEMPLATES = "offline_packs/pack/"


def pages(contents, meta):
    """(path, html) of every page of the pack: the index, the course when asked, each resource."""
    with translation.override("es"):
        common = {"meta": meta, "contents": contents}
        yield "index.html", _render("index.html", common, root="")
        if contents.course is not None:
            yield from _course_pages(contents.course, common)
        for entry in contents.resources.values():
            yield entry.path, _render("resource.html", common, root="../", entry=entry, page=entry.page)


def page_count(contents):
    course = contents.course
    course_pages = 1 + len(course.modules) + len(course.lessons) if course else 0
    return 1 + course_pages + len(contents.resources)


def _course_pages(course, common):
    yield course.path, _render("course.html", common, root="../", course=course)
    for module in course.modules:
        yield module.path, _render("module.html", common, root="../", course=course, module=module)
    lessons = course.lessons
    for position, lesson in enumerate(lessons):
        context = {
            "course": course,
            "lesson": lesson,
            "previous": lessons[position - 1] if position else None,
            "next": lessons[position + 1] if position + 1 < len(lessons) else None,
        }
        yield lesson.path, _render("lesson.html", common, root="../", **context)


def _render(name, common, **context):
    return render_to_string(TEMPLATES + name, {**common, **context})
