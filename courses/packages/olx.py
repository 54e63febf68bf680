"""Open edX OLX course exports (`course.xml`) read into a Course.

chapter → module; sequential → lesson, its verticals' titles as headings; html → body; problem with
multiplechoiceresponse or choiceresponse → quiz questions; video → the lesson's video by URL.
Pointer tags (`<chapter url_name="x"/>`) are followed to `chapter/x.xml`, as OLX does.
"""

import json
import posixpath
from xml.etree.ElementTree import tostring

from django.utils.translation import gettext as _

from . import qti, xmlsafe
from .html_blocks import to_blocks
from .reader import safe_name
from .report import PackageError
from .structure import Course, Lesson, Module, Question

ROOT = "course.xml"
CHOICE_RESPONSES = {"multiplechoiceresponse": "choicegroup", "choiceresponse": "checkboxgroup"}
RESPONSE_SUFFIX = "response"


def _name(element):
    return " ".join((element.get("display_name") or "").split())


def _plain(element):
    if element is None:
        return ""
    parts = [element.text or ""]
    for child in element:
        if child.tag not in ("choicehint", "solution", "hint"):
            parts.append(_plain(child))
        parts.append(child.tail or "")
    return qti.plain_text("".join(parts))


class OlxReader:
    def __init__(self, archive, report):
        self.files, self.report = archive.files, report

    def load(self, element, file, pointer=None):
        """A pointer tag followed to its own file; (element, file it came from)."""
        if pointer is None:
            pointer = not set(element.attrib) - {"url_name"}
        if len(element) or not pointer or not element.get("url_name"):
            return element, file
        try:
            path = safe_name(f"{element.tag}/{element.get('url_name')}.xml")
        except PackageError as exc:
            self.report.error(file, exc)
            return None, file
        if path not in self.files:
            self.report.error(path, _("falta el archivo, referido desde %(file)s") % {"file": file})
            return None, path
        try:
            return xmlsafe.parse(self.files[path]), path
        except PackageError as exc:
            self.report.error(path, exc)
            return None, path

    def read(self):
        pointer = xmlsafe.parse(self.files[ROOT])
        # The root course.xml names the run (url_name, org, course) and points to course/<url_name>.xml.
        course_node, course_file = self.load(pointer, ROOT, pointer=True)
        if course_node is None:
            return None
        title = _name(course_node)
        if not title:
            self.report.error(course_file, _("el curso no tiene título (display_name)"))
        identifier = "-".join(p for p in (pointer.get("org"), pointer.get("course"), pointer.get("url_name")) if p)
        course = Course(kind="edx", identifier=identifier or title, title=title, summary=self.summary())
        for child in course_node:
            node, file = self.load(child, course_file)
            if node is None:
                continue
            if node.tag != "chapter":
                self.report.unsupported(file, _("«%(tag)s» dentro del curso") % {"tag": node.tag})
                continue
            module = Module(identifier=child.get("url_name") or _name(node), title=_name(node))
            for grandchild in node:
                sequential, seq_file = self.load(grandchild, file)
                if sequential is None:
                    continue
                if sequential.tag != "sequential":
                    self.report.unsupported(seq_file, _("«%(tag)s» dentro de un capítulo") % {"tag": sequential.tag})
                    continue
                module.lessons.append(
                    self.lesson(grandchild.get("url_name") or _name(sequential), sequential, seq_file)
                )
            course.modules.append(module)
        if not course.modules:
            self.report.error(course_file, _("el curso no tiene capítulos"))
        return course

    def summary(self):
        data = self.files.get("about/short_description.html")
        return qti.plain_text(data.decode("utf-8", errors="replace")) if data else ""

    def lesson(self, identifier, sequential, file):
        lesson = Lesson(identifier=identifier, title=_name(sequential))
        before = len(self.report.skipped)
        for child in sequential:
            node, node_file = self.load(child, file)
            if node is None:
                continue
            if node.tag == "vertical":
                if _name(node) and _name(node) != lesson.title:
                    lesson.body.append(("heading", _name(node)[:255]))
                for component in node:
                    self.component(component, node_file, lesson)
            else:
                self.component(child, file, lesson)
        lesson.skipped = len(self.report.skipped) > before
        return lesson

    def component(self, element, file, lesson):
        node, node_file = self.load(element, file)
        if node is None:
            return
        if node.tag == "html":
            self.html(node, node_file, lesson)
        elif node.tag == "problem":
            self.problem(element.get("url_name") or node.get("url_name") or "", node, node_file, lesson)
        elif node.tag == "video":
            self.video(node, node_file, lesson)
        else:
            self.report.unsupported(node_file, _("componente «%(tag)s»") % {"tag": node.tag})

    def html(self, node, file, lesson):
        if node.get("filename"):
            try:
                path = safe_name(posixpath.join("html", node.get("filename") + ".html"))
            except PackageError as exc:
                self.report.error(file, exc)
                return
            if path not in self.files:
                self.report.error(path, _("falta el archivo, referido desde %(file)s") % {"file": file})
                return
            source = self.files[path].decode("utf-8", errors="replace")
        else:
            source = (node.text or "") + "".join(tostring(child, encoding="unicode") for child in node)
        lesson.body.extend(to_blocks(source))

    def problem(self, identifier, node, file, lesson):
        responses = [child for child in node.iter() if str(child.tag).endswith(RESPONSE_SUFFIX)]
        if not responses:
            self.report.unsupported(file, _("problema sin respuesta de opciones"))
            return
        if node.get("max_attempts", "").isdigit() and lesson.max_attempts is None:
            lesson.max_attempts = int(node.get("max_attempts"))
        for number, response in enumerate(responses):
            if response.tag not in CHOICE_RESPONSES:
                self.report.unsupported(file, _("problema con «%(tag)s»") % {"tag": response.tag})
                continue
            choices = [
                (_plain(choice), choice.get("correct", "false").lower() == "true") for choice in response.iter("choice")
            ]
            text = _plain(response.find("label")) or self.prompt(node) or _name(node)
            if len(choices) < 2 or not all(c for c, _ok in choices) or not any(ok for _c, ok in choices):
                self.report.error(file, _("el problema necesita dos opciones con texto y al menos una correcta"))
                continue
            lesson.questions.append(Question(identifier=f"{identifier}-{number}", text=text, choices=choices))

    def prompt(self, node):
        return " ".join(_plain(p) for p in node.findall("p")).strip()

    def video(self, node, file, lesson):
        sources = [source.get("src") for source in node.iter("source") if source.get("src")]
        try:
            sources += json.loads(node.get("html5_sources") or "[]")
        except ValueError:
            self.report.error(file, _("html5_sources no es una lista JSON"))
        url = next((s for s in sources if isinstance(s, str) and s.startswith(("http://", "https://"))), "")
        if not url and node.get("youtube_id_1_0"):
            url = f"https://www.youtube.com/watch?v={node.get('youtube_id_1_0')}"
        if not url:
            self.report.error(file, _("el video no tiene ninguna dirección http(s)"))
            return
        lesson.body.append(("video", {"resource": None, "url": url, "captions": []}))


def read(archive, report):
    return OlxReader(archive, report).read()
