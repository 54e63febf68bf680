"""What search needs of courses: which are published, which course a page belongs to, and its lessons' words.

Search calls these instead of reading course tables, as other apps call `courses.api`.
"""

from wagtail.models import Page

from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage, TrackPage

# Lesson blocks that hold words people read; videos and files add only addresses.
TEXT_BLOCKS = ("heading", "paragraph", "resource")


def published_courses(pks=None):
    """Live, public courses (of these pks when given), in tree order."""
    courses = CoursePage.objects.live().public().order_by("path")
    if pks is not None:
        courses = courses.filter(pk__in=list(pks))
    return courses


def lesson_text(course):
    """The titles and text of the course's published modules and lessons, in reading order."""
    parts = []
    pages = Page.objects.descendant_of(course).live().public().type(ModulePage, LessonPage).specific().order_by("path")
    for page in pages:
        parts.append(page.title)
        if isinstance(page, ModulePage):
            parts.append(page.summary)
        else:
            for child in page.body:
                if child.block_type in TEXT_BLOCKS:
                    parts.extend(child.block.get_searchable_content(child.value))
    return "\n".join(part for part in parts if part)


def lesson_titles(course):
    """Titles of the course's published lessons, in reading order."""
    lessons = Page.objects.descendant_of(course).live().public().type(LessonPage).order_by("path")
    return list(lessons.values_list("title", flat=True))


def course_pks_of(page):
    """Pks of the courses whose search entry a change to this page touches; [] outside the course tree.

    A course is itself; a module or lesson, its course; a track or the catalogue, every course
    below it (moving one changes their addresses).
    """
    cls = getattr(page, "specific_class", None) or type(page)
    if not cls or not issubclass(cls, (CourseIndexPage, TrackPage, CoursePage, ModulePage, LessonPage)):
        return []
    if issubclass(cls, CoursePage):
        return [page.pk]
    if issubclass(cls, (ModulePage, LessonPage)):
        return list(CoursePage.objects.ancestor_of(page).values_list("pk", flat=True))
    return list(CoursePage.objects.descendant_of(page).values_list("pk", flat=True))
