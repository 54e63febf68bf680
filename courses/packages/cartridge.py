"""IMS Common Cartridge 1.1–1.3 (`imsmanifest.xml`) read into a Course.

The organisation's top-level items are the modules; each item below them is a lesson, gathering
every resource of its sub-tree in order: web content (HTML) for the body, web links as links,
QTI 1.2 assessments as the quiz. Top-level items that point to a resource directly form a module
named after the course.
"""

import posixpath
from urllib.parse import unquote

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import qti, xmlsafe
from .html_blocks import to_blocks
from .links import link_block
from .reader import safe_name
from .report import PackageError
from .structure import Course, Lesson, Module

MANIFEST = "imsmanifest.xml"
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
UNSUPPORTED = {
    "imsdt": gettext_lazy("foro de discusión"),
    "imsbasiclti": gettext_lazy("herramienta LTI"),
    "assignment": gettext_lazy("tarea"),
    "associatedcontent": gettext_lazy("contenido asociado"),
}


def _title(element):
    return " ".join(xmlsafe.text(element.find("title")).split())


def _lom_string(manifest, field):
    for general in manifest.iter("general"):
        node = general.find(field)
        if node is not None:
            string = node.find("string")
            return " ".join(xmlsafe.text(string if string is not None else node).split())
    return ""


class CartridgeReader:
    def __init__(self, archive, report):
        self.files, self.report = archive.files, report
        self.resources = {}

    def read(self):
        manifest = xmlsafe.parse(self.files[MANIFEST])
        self.resources = {res.get("identifier"): res for res in manifest.iter("resource")}
        organization = manifest.find(".//organizations/organization")
        root_items = organization.findall("item") if organization is not None else []
        # CC wraps the tree in one root item; some exporters list the top items directly.
        if len(root_items) == 1 and root_items[0].get("identifierref") is None:
            root_items = root_items[0].findall("item")
        title = _lom_string(manifest, "title") or (_title(organization) if organization is not None else "")
        if not title:
            self.report.error(MANIFEST, _("el manifiesto no tiene título (metadata/lom/general/title)"))
        if not root_items:
            self.report.error(MANIFEST, _("el manifiesto no tiene organización con módulos y lecciones"))
        course = Course(
            kind="cc",
            identifier=manifest.get("identifier") or title,
            title=title,
            summary=_lom_string(manifest, "description"),
        )
        loose = None
        for item in root_items:
            if item.findall("item"):
                module = Module(identifier=item.get("identifier", ""), title=_title(item))
                module.lessons = [self.lesson(child) for child in item.findall("item")]
                course.modules.append(module)
                loose = None
            else:
                if loose is None:
                    loose = Module(identifier=f"{item.get('identifier', '')}-modulo", title=title)
                    course.modules.append(loose)
                loose.lessons.append(self.lesson(item))
        return course

    def lesson(self, item):
        lesson = Lesson(identifier=item.get("identifier", ""), title=_title(item))
        before = len(self.report.skipped)
        for node in item.iter("item"):
            ref = node.get("identifierref")
            if not ref:
                continue
            resource = self.resources.get(ref)
            if resource is None:
                self.report.error(
                    MANIFEST,
                    _("el elemento «%(item)s» apunta al recurso «%(ref)s», que no está en el manifiesto")
                    % {"item": node.get("identifier"), "ref": ref},
                )
                continue
            self.add_resource(resource, lesson)
        lesson.skipped = len(self.report.skipped) > before
        return lesson

    def path(self, resource, href):
        base = resource.get("base", "")
        return safe_name(posixpath.join(base, unquote(href)))

    def read_file(self, resource, href):
        """The bytes of a file a resource names, or None (reported) when the package lacks it."""
        try:
            path = self.path(resource, href)
        except PackageError as exc:
            self.report.error(MANIFEST, exc)
            return None, href
        if path not in self.files:
            self.report.error(
                path,
                _("falta el archivo, referido por el recurso «%(id)s» del manifiesto")
                % {"id": resource.get("identifier")},
            )
            return None, path
        return self.files[path], path

    def add_resource(self, resource, lesson):
        kind = resource.get("type", "")
        href = resource.get("href") or next((f.get("href") for f in resource.findall("file") if f.get("href")), "")
        for file in resource.findall("file"):
            if file.get("href") and file.get("href") != href:
                self.read_file(resource, file.get("href"))  # reports a missing companion file
        if not href:
            self.report.error(
                MANIFEST, _("el recurso «%(id)s» no nombra ningún archivo") % {"id": resource.get("identifier")}
            )
            return
        if kind == "webcontent":
            data, path = self.read_file(resource, href)
            if data is None:
                return
            if not path.lower().endswith(HTML_SUFFIXES):
                self.report.unsupported(path, _("contenido web que no es HTML"))
                return
            lesson.body.extend(to_blocks(data.decode("utf-8", errors="replace")))
        elif kind.startswith("imswl_xmlv1p"):
            self.add_weblink(resource, href, lesson)
        elif kind.startswith("imsqti_xmlv1p2"):
            data, path = self.read_file(resource, href)
            if data is not None:
                self.parse(path, data, lambda root: qti.read_assessment(root, path, lesson, self.report))
        else:
            name = next((label for prefix, label in UNSUPPORTED.items() if kind.startswith(prefix)), "")
            what = f"{name} ({kind})" if name else f"«{kind}»"
            self.report.unsupported(self.path(resource, href), what)

    def add_weblink(self, resource, href, lesson):
        data, path = self.read_file(resource, href)
        if data is None:
            return

        def add(root):
            url_node = root.find("url")
            url = url_node.get("href", "") if url_node is not None else ""
            if not url.startswith(("http://", "https://")):
                self.report.error(path, _("el enlace web no tiene una dirección http(s)"))
                return
            lesson.body.append(link_block(xmlsafe.text(root.find("title")), url))

        self.parse(path, data, add)

    def parse(self, path, data, then):
        try:
            root = xmlsafe.parse(data)
        except PackageError as exc:
            self.report.error(path, exc)
            return
        then(root)


def read(archive, report):
    return CartridgeReader(archive, report).read()
