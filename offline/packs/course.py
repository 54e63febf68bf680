"""A course in a pack: its modules and lessons as readable pages, quiz questions without their answers."""

from dataclasses import dataclass, field

from courses.models import CoursePage
from oer import browse

from .contents import specific_pages
from .richtext import offline_html

# Lesson and module pages live in curso/, one folder below the pack's root.
ROOT = "../"


@dataclass
class LessonEntry:
    page: object
    path: str
    blocks: list = field(default_factory=list)
    quiz: dict | None = None


@dataclass
class ModuleEntry:
    page: object
    path: str
    lessons: list = field(default_factory=list)


@dataclass
class CourseEntry:
    page: object
    path: str = "curso/index.html"
    description: str = ""
    modules: list = field(default_factory=list)

    @property
    def lessons(self):
        return [lesson for module in self.modules for lesson in module.lessons]


def find_course(slug):
    """The live, public course of this slug, or None."""
    return CoursePage.objects.live().public().filter(slug=slug).first()


def add_course(contents, course):
    """Add the course, its modules and lessons (and the resources they show) to the pack contents."""
    entry = CourseEntry(page=course, description=offline_html(course.description, contents, ROOT))
    for m, module in enumerate(course.modules, start=1):
        module_entry = ModuleEntry(page=module, path=f"curso/modulo-{m:02d}-{module.slug}.html")
        for n, lesson in enumerate(module.lessons.order_by("path").specific(), start=1):
            lesson_entry = LessonEntry(page=lesson, path=f"curso/leccion-{m:02d}-{n:02d}-{lesson.slug}.html")
            lesson_entry.blocks = lesson_blocks(lesson, contents)
            lesson_entry.quiz = quiz_without_answers(lesson.quiz)
            module_entry.lessons.append(lesson_entry)
        entry.modules.append(module_entry)
    contents.course = entry
    return entry


def lesson_blocks(lesson, contents):
    """The lesson's body as plain dicts the pack templates render, links already made relative."""
    linked = [
        block.value["resource"].pk
        for block in lesson.body
        if block.block_type in ("video", "resource") and block.value["resource"]
    ]
    public = set(browse.published_resources().filter(pk__in=linked).values_list("pk", flat=True))
    pages = specific_pages(public)
    blocks = []
    for block in lesson.body:
        kind, value = block.block_type, block.value
        if kind == "heading":
            blocks.append({"type": "heading", "text": value})
        elif kind == "paragraph":
            blocks.append({"type": "html", "html": offline_html(value.source, contents, ROOT)})
        elif kind in ("video", "resource"):
            resource = value["resource"]
            if resource is not None and resource.pk in pages:
                entry = contents.add_resource(pages[resource.pk])
                blocks.append({"type": kind, "entry": entry, "note": value.get("note", "")})
            elif kind == "video" and value.get("url"):
                blocks.append({"type": "online", "url": value["url"]})
        elif kind == "document" and value is not None and value.file:
            blocks.append({"type": "document", "title": value.title, "path": contents.add_document(value)})
    return blocks


def quiz_without_answers(quiz):
    """The quiz's title and questions with their choices; which choices are right never leaves here."""
    if quiz is None:
        return None
    questions = [
        {"text": text, "choices": [choice_text for _id, choice_text, _correct in choices], "multiple": multiple}
        for _qid, text, choices, multiple in quiz.question_items()
    ]
    return {"title": quiz.title, "questions": questions}
