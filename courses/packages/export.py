"""export_course: a course as an IMS Common Cartridge 1.3 that import_course reads back into the same shape.

Each module is a top-level item; each lesson an item whose children are, in body order, its web
content (HTML: headings, paragraphs, `<video>`), its links to repository resources and files (web
links) and its quiz (QTI 1.2, with `cc_maxattempts` and Acervo's pass score).
"""

import re
import zipfile
from pathlib import Path

from django.utils.html import escape
from lxml import etree
from wagtail.rich_text import expand_db_html

from acervo.public_address import absolute

from .qti import PASS_SCORE_FIELD

CP = "http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1"
LOM = "http://ltsc.ieee.org/xsd/imsccv1p3/LOM/manifest"
WL = "http://www.imsglobal.org/xsd/imsccv1p3/imswl_v1p3"
QTI = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
ASSESSMENT_TYPE = "imsqti_xmlv1p2/imscc_xmlv1p3/assessment"
WEBLINK_TYPE = "imswl_xmlv1p3"
RELATIVE_HREF = re.compile(r'href="(/[^"]*)"')


def _sub(parent, tag, text=None, **attrib):
    element = etree.SubElement(parent, tag, {k: str(v) for k, v in attrib.items()})
    if text is not None:
        element.text = str(text)
    return element


def _xml(root):
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _lesson_ids(course):
    """One identifier per lesson: its slug, with the page id added where two modules share a slug."""
    lessons = list(course.lessons)
    seen = {}
    for lesson in lessons:
        seen[lesson.slug] = seen.get(lesson.slug, 0) + 1
    return {lesson.pk: f"L_{lesson.slug}" + (f"_{lesson.pk}" if seen[lesson.slug] > 1 else "") for lesson in lessons}


def _html_of(blocks, title):
    parts = []
    for block in blocks:
        if block.block_type == "heading":
            parts.append(f"<h2>{escape(block.value)}</h2>")
        elif block.block_type == "paragraph":
            parts.append(
                RELATIVE_HREF.sub(
                    lambda m: f'href="{escape(absolute(m.group(1)))}"', expand_db_html(block.value.source)
                )
            )
        elif block.block_type == "video":
            resource = block.value["resource"].specific if block.value["resource"] else None
            src = block.value["url"] or (getattr(resource, "file_url", "") if resource else "")
            if src:
                parts.append(f'<video controls="controls" src="{escape(absolute(src))}"></video>')
    body = "\n".join(parts)
    return (
        f'<!DOCTYPE html>\n<html lang="es"><head><meta charset="utf-8"><title>{escape(title)}</title></head>'
        f"<body>\n{body}\n</body></html>\n"
    ).encode()


def _link_of(block):
    """(title, absolute URL) of a resource or document block."""
    if block.block_type == "resource":
        page = block.value["resource"]
        return (block.value.get("note") or page.title), absolute(page.url)
    document = block.value
    return document.title, absolute(document.url)


def _segments(lesson):
    """The body cut into runs of HTML blocks and single links, in order."""
    segments, run = [], []
    for block in lesson.body:
        if block.block_type in ("resource", "document"):
            if block.value is None or (block.block_type == "resource" and block.value["resource"] is None):
                continue
            if run:
                segments.append(("html", run))
                run = []
            segments.append(("link", block))
        else:
            run.append(block)
    if run:
        segments.append(("html", run))
    return segments


def _weblink(title, url):
    root = etree.Element(f"{{{WL}}}webLink", nsmap={None: WL})
    _sub(root, f"{{{WL}}}title", title)
    _sub(root, f"{{{WL}}}url", href=url, target="_blank")
    return _xml(root)


def _qti(quiz, ident):
    root = etree.Element(f"{{{QTI}}}questestinterop", nsmap={None: QTI})
    assessment = _sub(root, f"{{{QTI}}}assessment", ident=ident, title=quiz.title)
    fields = _sub(assessment, f"{{{QTI}}}qtimetadata")
    for label, entry in (
        ("cc_maxattempts", quiz.max_attempts or "unlimited"),
        (PASS_SCORE_FIELD, quiz.pass_score),
    ):
        field = _sub(fields, f"{{{QTI}}}qtimetadatafield")
        _sub(field, f"{{{QTI}}}fieldlabel", label)
        _sub(field, f"{{{QTI}}}fieldentry", entry)
    section = _sub(assessment, f"{{{QTI}}}section", ident="root_section")
    for question in quiz.questions:
        _question(section, question)
    return _xml(root)


def _question(section, block):
    choices = list(block.value["choices"])
    correct = [number for number, choice in enumerate(choices) if choice["correct"]]
    profile = "cc.multiple_response.v0p1" if len(correct) > 1 else "cc.multiple_choice.v0p1"
    item = _sub(section, f"{{{QTI}}}item", ident=f"Q_{block.id}", title=block.value["text"][:80])
    field = _sub(_sub(_sub(item, f"{{{QTI}}}itemmetadata"), f"{{{QTI}}}qtimetadata"), f"{{{QTI}}}qtimetadatafield")
    _sub(field, f"{{{QTI}}}fieldlabel", "cc_profile")
    _sub(field, f"{{{QTI}}}fieldentry", profile)
    presentation = _sub(item, f"{{{QTI}}}presentation")
    _sub(_sub(presentation, f"{{{QTI}}}material"), f"{{{QTI}}}mattext", block.value["text"], texttype="text/plain")
    cardinality = "Multiple" if len(correct) > 1 else "Single"
    lid = _sub(presentation, f"{{{QTI}}}response_lid", ident="response1", rcardinality=cardinality)
    render = _sub(lid, f"{{{QTI}}}render_choice")
    for number, choice in enumerate(choices):
        label = _sub(render, f"{{{QTI}}}response_label", ident=f"C{number}")
        _sub(_sub(label, f"{{{QTI}}}material"), f"{{{QTI}}}mattext", choice["text"], texttype="text/plain")
    processing = _sub(item, f"{{{QTI}}}resprocessing")
    _sub(_sub(processing, f"{{{QTI}}}outcomes"), f"{{{QTI}}}decvar", maxvalue=100, minvalue=0, varname="SCORE")
    condition = _sub(processing, f"{{{QTI}}}respcondition", **{"continue": "No"})
    variable = _sub(condition, f"{{{QTI}}}conditionvar")
    if len(correct) > 1:
        variable = _sub(variable, f"{{{QTI}}}and")
    for number in range(len(choices)):
        if number in correct:
            _sub(variable, f"{{{QTI}}}varequal", f"C{number}", respident="response1")
        elif len(correct) > 1:
            _sub(_sub(variable, f"{{{QTI}}}not"), f"{{{QTI}}}varequal", f"C{number}", respident="response1")
    _sub(condition, f"{{{QTI}}}setvar", 100, action="Set", varname="SCORE")


class CartridgeWriter:
    def __init__(self, course):
        self.course = course
        self.files = {}
        self.manifest = etree.Element(f"{{{CP}}}manifest", nsmap={None: CP, "lomimscc": LOM}, identifier=course.slug)
        self.resources = None

    def write(self, output):
        metadata = _sub(self.manifest, f"{{{CP}}}metadata")
        _sub(metadata, f"{{{CP}}}schema", "IMS Common Cartridge")
        _sub(metadata, f"{{{CP}}}schemaversion", "1.3.0")
        general = _sub(_sub(metadata, f"{{{LOM}}}lom"), f"{{{LOM}}}general")
        _sub(_sub(general, f"{{{LOM}}}title"), f"{{{LOM}}}string", self.course.title, language="es")
        _sub(_sub(general, f"{{{LOM}}}description"), f"{{{LOM}}}string", self.course.summary, language="es")
        organizations = _sub(self.manifest, f"{{{CP}}}organizations")
        organization = _sub(organizations, f"{{{CP}}}organization", identifier="ORG", structure="rooted-hierarchy")
        root = _sub(organization, f"{{{CP}}}item", identifier="ROOT")
        self.resources = _sub(self.manifest, f"{{{CP}}}resources")
        lesson_ids = _lesson_ids(self.course)
        for module in self.course.modules:
            item = _sub(root, f"{{{CP}}}item", identifier=f"M_{module.slug}")
            _sub(item, f"{{{CP}}}title", module.title)
            for lesson in module.lessons.specific():
                self.lesson(item, lesson, lesson_ids[lesson.pk])
        self.files["imsmanifest.xml"] = _xml(self.manifest)
        self.save(output)

    def lesson(self, parent, lesson, ident):
        item = _sub(parent, f"{{{CP}}}item", identifier=ident)
        _sub(item, f"{{{CP}}}title", lesson.title)
        folder = f"lecciones/{ident}"
        for number, (kind, content) in enumerate(_segments(lesson), start=1):
            if kind == "html":
                self.add(
                    item,
                    f"{ident}_{number}",
                    lesson.title,
                    "webcontent",
                    f"{folder}/contenido-{number}.html",
                    _html_of(content, lesson.title),
                )
            else:
                title, url = _link_of(content)
                self.add(
                    item,
                    f"{ident}_{number}",
                    title,
                    WEBLINK_TYPE,
                    f"{folder}/enlace-{number}.xml",
                    _weblink(title, url),
                )
        quiz = lesson.quiz
        if quiz is not None:
            self.add(
                item,
                f"{ident}_quiz",
                quiz.title,
                ASSESSMENT_TYPE,
                f"{folder}/cuestionario.xml",
                _qti(quiz, f"{ident}_quiz"),
            )

    def add(self, item, ident, title, kind, path, data):
        child = _sub(item, f"{{{CP}}}item", identifier=f"I_{ident}", identifierref=f"R_{ident}")
        _sub(child, f"{{{CP}}}title", title)
        attrib = {"identifier": f"R_{ident}", "type": kind}
        if kind == "webcontent":
            attrib["href"] = path
        resource = _sub(self.resources, f"{{{CP}}}resource", **attrib)
        _sub(resource, f"{{{CP}}}file", href=path)
        self.files[path] = data

    def save(self, output):
        output = Path(output)
        partial = output.with_name(output.name + ".partial")
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("imsmanifest.xml", self.files.pop("imsmanifest.xml"))
            for path, data in self.files.items():
                archive.writestr(path, data)
        partial.replace(output)


def export_course(course, output):
    """Write `course` (a CoursePage) to `output` as a Common Cartridge 1.3."""
    CartridgeWriter(course).write(output)
