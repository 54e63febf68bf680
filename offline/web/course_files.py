"""What a browser must keep to read a course offline: its pages, the static files and each lesson's media.

The lesson bodies are rendered with their own block templates and the addresses they point at
(videos, captions, images, downloadable files) are read from that HTML, so whatever a lesson
shows is what gets saved (see docs/offline.md).
"""

from html.parser import HTMLParser

from django.templatetags.static import static
from django.urls import reverse

from courses.models import CoursePage

# What every lesson page loads besides its own media.
PAGE_STATIC_FILES = (
    "css/acervo.css",
    "courses/courses.css",
    "courses/lesson-progress.js",
    "js/suggest.js",
    "icons/types.svg",
    "offline_web/queue.js",
    "offline_web/offline.js",
    "offline_web/save-course.js",
)

# (tag, attribute) pairs whose value is a file the lesson shows or offers.
MEDIA_ATTRIBUTES = {("video", "src"), ("source", "src"), ("track", "src"), ("img", "src"), ("audio", "src")}


class _MediaCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        for name, value in attrs:
            if (tag, name) in MEDIA_ATTRIBUTES and value:
                self.urls.append(value)
        if tag == "a" and "download" in values and values.get("href"):
            self.urls.append(values["href"])
        if tag == "img" and values.get("srcset"):
            self.urls.extend(part.strip().split(" ")[0] for part in values["srcset"].split(",") if part.strip())

    handle_startendtag = handle_starttag


def _keepable(url):
    """Only addresses the site can fetch for itself: its own paths and plain http(s) files."""
    return (url.startswith("/") and not url.startswith("//")) or url.startswith(("https://", "http://"))


def media_of(lesson):
    """Addresses of the files a lesson body shows (rendered without a learner: no personal data)."""
    collector = _MediaCollector()
    collector.feed(str(lesson.body.render_as_block(context={"page": lesson})))
    return [url for url in collector.urls if _keepable(url)]


def published_course(course_id):
    return CoursePage.objects.live().public().filter(pk=course_id).first()


def listing(course):
    """The JSON the "Guardar para ver sin conexión" button reads."""
    lessons = list(course.lessons)
    pages = [course.url] + [lesson.url for lesson in lessons]
    files = [static(name) for name in PAGE_STATIC_FILES]
    for lesson in lessons:
        files.extend(media_of(lesson))
    return {
        "course": {"id": course.pk, "title": course.title, "url": course.url},
        "cache": f"acervo-curso-{course.pk}",
        "lessons": [{"id": lesson.pk, "title": lesson.title, "url": lesson.url} for lesson in lessons],
        "pages": pages,
        "files": list(dict.fromkeys(files)),
        "offline_page": reverse("offline-page"),
    }
