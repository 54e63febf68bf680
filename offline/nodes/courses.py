"""Mirroring course tracks: tracks, courses, modules and lessons as local pages, quizzes when allowed.

Pages are matched to the source's by its page ids (MirroredPage), never by title. Nothing is ever
deleted: a page gone at the source is unpublished here, so enrolments, progress, quiz attempts and
certificates of local learners stay as they were. A quiz is updated in place for the same reason.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage, Quiz, TrackPage
from courses.packages.html_blocks import sanitise, to_blocks
from courses.site import ensure_course_index
from oer.models import ResourcePage

from . import keys
from .client import SyncError
from .models import MirroredPage

CATALOGUE_PATH = "/nodos/cursos.json"
COURSE_PATH = "/nodos/cursos/{slug}.json"


def sync_courses(client, level, counts, report):
    data = client.get_json(CATALOGUE_PATH)
    tracks = data.get("tracks") if isinstance(data, dict) else None
    if not isinstance(tracks, list):
        raise SyncError(_("La respuesta de %(path)s no trae una lista de itinerarios.") % {"path": CATALOGUE_PATH})
    key = keys.sync_key()
    mirror = Mirror(client.base_url)
    seen = set()
    for track in tracks:
        wanted = [course for course in _list(track, "courses") if not level or course.get("level") in ("", level)]
        if level and not wanted:
            continue
        with transaction.atomic():
            track_page = mirror.upsert(TrackPage, mirror.index(), track, _track_fields(track))
        seen.add(track["id"])
        for course in wanted:
            seen.add(course["id"])
            stamp = f"{course.get('stamp', '')}|{'respuestas' if key else 'sin-respuestas'}"
            if mirror.stamp_of(course["id"]) == stamp:
                seen.update(mirror.children_ids(course["id"]))
                counts["courses_unchanged"] += 1
                continue
            path = COURSE_PATH.format(slug=course["slug"])
            detail = client.get_json(path, {keys.PARAM: keys.sign(key, path)} if key else None)
            if not isinstance(detail, dict) or not isinstance(detail.get("modules"), list):
                raise SyncError(_("La respuesta de %(path)s no es un curso.") % {"path": path})
            with transaction.atomic():
                seen.update(mirror.write_course(track_page, detail, stamp, counts))
            counts["courses"] += 1
            if not detail.get("answers_included"):
                counts["courses_without_quizzes"] += 1
    if counts["courses_without_quizzes"]:
        report(
            _(
                "%(n)d cursos se copiaron sin cuestionarios: la fuente solo entrega las respuestas a un nodo "
                "con clave (ACERVO_SYNC_KEY aquí, incluida en ACERVO_NODE_KEYS allá)."
            )
            % {"n": counts["courses_without_quizzes"]}
        )
    if not level:
        counts["course_pages_retired"] += mirror.retire_missing(seen)


def _list(data, key):
    value = data.get(key) if isinstance(data, dict) else None
    if not isinstance(value, list) or not all(
        isinstance(item, dict) and isinstance(item.get("id"), int) for item in value
    ):
        raise SyncError(_("El catálogo de cursos de la fuente no es válido (%(key)s).") % {"key": key})
    return value


def _text(data, key, limit=None):
    value = data.get(key)
    value = value if isinstance(value, str) else ""
    return value[:limit] if limit else value


def _track_fields(track):
    return {
        "title": _text(track, "title", 255) or "—",
        "summary": _text(track, "summary"),
        "audience": _audience(track),
    }


def _audience(data):
    from oer import taxonomy

    value = data.get("audience")
    return value if value in taxonomy.AUDIENCES else "docente"


class Mirror:
    def __init__(self, source_url):
        self.source_url = source_url
        self._index = None

    def index(self):
        if self._index is None:
            self._index = CourseIndexPage.objects.first() or ensure_course_index()
        return self._index

    def link(self, remote_id):
        return MirroredPage.objects.filter(source_url=self.source_url, remote_id=remote_id).first()

    def stamp_of(self, remote_id):
        link = self.link(remote_id)
        return link.remote_stamp if link and link.page.live else None

    def children_ids(self, remote_course_id):
        link = self.link(remote_course_id)
        if link is None:
            return set()
        local = link.page.get_descendants().values_list("pk", flat=True)
        return set(MirroredPage.objects.filter(page_id__in=local).values_list("remote_id", flat=True))

    def upsert(self, model, parent, remote, fields, stamp=""):
        """The local page mirroring `remote` (created, or updated and republished when it changed)."""
        link = self.link(remote["id"])
        if link is not None:
            page = link.page.specific
            changed = any(getattr(page, name) != value for name, value in fields.items())
            if changed or not page.live or page.has_unpublished_changes:
                for name, value in fields.items():
                    setattr(page, name, value)
                page.save_revision(log_action=True).publish()
            if stamp and link.remote_stamp != stamp:
                link.remote_stamp = stamp
                link.save(update_fields=["remote_stamp"])
            return page
        page = model(slug=self._free_slug(model, parent, _text(remote, "slug", 255) or "pagina"), **fields)
        parent.add_child(instance=page)
        page.save_revision(log_action=True).publish()
        MirroredPage.objects.create(source_url=self.source_url, remote_id=remote["id"], page=page, remote_stamp=stamp)
        return page

    def _free_slug(self, model, parent, slug):
        # Course slugs are unique site-wide (the learner API addresses them); others among siblings.
        taken = (
            set(CoursePage.objects.values_list("slug", flat=True))
            if model is CoursePage
            else set(parent.get_children().values_list("slug", flat=True))
        )
        candidate, counter = slug, 2
        while candidate in taken:
            candidate = f"{slug}-{counter}"
            counter += 1
        return candidate

    def write_course(self, track_page, detail, stamp, counts):
        seen = {detail["id"]}
        course = self.upsert(CoursePage, track_page, detail, _course_fields(detail), stamp)
        for module in _list(detail, "modules"):
            seen.add(module["id"])
            module_page = self.upsert(
                ModulePage,
                course,
                module,
                {"title": _text(module, "title", 255) or "—", "summary": _text(module, "summary")},
            )
            for lesson in _list(module, "lessons"):
                seen.add(lesson["id"])
                self.write_lesson(module_page, lesson, detail.get("answers_included") is True, counts)
        return seen

    def write_lesson(self, module_page, lesson, with_answers, counts):
        fields = {
            "title": _text(lesson, "title", 255) or "—",
            "required": lesson.get("required") is not False,
            "body": local_body(lesson.get("body")),
        }
        link = self.link(lesson["id"])
        quiz = lesson.get("quiz")
        if link is None:
            page = LessonPage(slug=self._free_slug(LessonPage, module_page, _text(lesson, "slug", 255) or "leccion"))
            for name, value in fields.items():
                setattr(page, name, value)
            if with_answers and isinstance(quiz, dict):
                page.quizzes = [Quiz(**quiz_fields(quiz))]
            module_page.add_child(instance=page)
            page.save_revision(log_action=True).publish()
            MirroredPage.objects.create(source_url=self.source_url, remote_id=lesson["id"], page=page)
        else:
            page = link.page.specific
            for name, value in fields.items():
                setattr(page, name, value)
            if with_answers and isinstance(quiz, dict):
                current = page.quizzes.first() or Quiz()
                for name, value in quiz_fields(quiz).items():
                    setattr(current, name, value)
                page.quizzes = [current]  # same row: attempts of local learners keep pointing at it
            page.save_revision(log_action=True).publish()
        counts["lessons"] += 1

    def retire_missing(self, seen):
        """Unpublish mirrored pages of this source the source no longer lists (children first)."""
        retired = 0
        links = MirroredPage.objects.filter(source_url=self.source_url).exclude(remote_id__in=seen)
        for link in links.select_related("page").order_by("-page__depth"):
            if link.page.live:
                link.page.specific.unpublish(log_action=True)
                retired += 1
        return retired


def _course_fields(detail):
    from oer import taxonomy

    hours = detail.get("hours")
    return {
        "title": _text(detail, "title", 255) or "—",
        "summary": _text(detail, "summary"),
        "description": sanitise(_text(detail, "description")),
        "hours": hours if isinstance(hours, int) and 0 < hours < 10000 else 1,
        "level": detail.get("level") if detail.get("level") in taxonomy.LEVELS else "",
        "audience": _audience(detail),
        "prerequisites": _text(detail, "prerequisites"),
        "completion_rule": detail.get("completion_rule")
        if detail.get("completion_rule") in ("required", "all")
        else "required",
    }


def quiz_fields(quiz):
    questions = []
    for question in quiz.get("questions") or []:
        if not isinstance(question, dict):
            continue
        choices = [
            {"text": _text(choice, "text", 255), "correct": choice.get("correct") is True}
            for choice in question.get("choices") or []
            if isinstance(choice, dict)
        ]
        questions.append(("question", {"text": _text(question, "text"), "choices": choices}))
    max_attempts = quiz.get("max_attempts")
    return {
        "title": _text(quiz, "title", 200) or _("Cuestionario"),
        "pass_score": quiz.get("pass_score") or "0.8",
        "max_attempts": max_attempts if isinstance(max_attempts, int) and 0 <= max_attempts < 1000 else 3,
        "questions": questions,
    }


def local_body(blocks):
    """The source's portable body with resource external ids turned into this node's pages.

    A resource link whose resource this node does not hold is dropped (a video keeps its own
    address); paragraphs go through the course package importer's sanitiser, like imported HTML.
    """
    if not isinstance(blocks, list):
        return []
    refs = [
        block["value"].get("resource")
        for block in blocks
        if isinstance(block, dict)
        and isinstance(block.get("value"), dict)
        and isinstance(block["value"].get("resource"), str)
    ]
    pages = ResourcePage.objects.filter(external_id__in=refs).in_bulk(field_name="external_id")
    body = []
    for block in blocks:
        if not isinstance(block, dict) or block.get("type") not in ("heading", "paragraph", "video", "resource"):
            continue
        kind, value = block["type"], block.get("value")
        if kind == "heading":
            if isinstance(value, str):
                body.append((kind, value[:255]))
            continue
        if kind == "paragraph":
            if isinstance(value, str):
                body.extend(to_blocks(value))
            continue
        if not isinstance(value, dict):
            continue
        resource = pages.get(value["resource"]) if isinstance(value.get("resource"), str) else None
        if kind == "resource":
            if resource:
                body.append(("resource", {"resource": resource, "note": _text(value, "note", 255)}))
            continue
        captions = [
            {"language": _text(item, "language", 8) or "es", "url": _text(item, "url", 500)}
            for item in (entry.get("value", entry) for entry in value.get("captions") or [] if isinstance(entry, dict))
            if isinstance(item, dict)
        ]
        body.append(("video", {"resource": resource, "url": _text(value, "url", 500), "captions": captions}))
    return body
