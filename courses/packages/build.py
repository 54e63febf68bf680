"""Writing a read package as published course pages; re-imports update the pages they wrote before.

Pages are found again by their deterministic slugs (courses/packages/slugs.py): a lesson that is
still in the package keeps its page, and with it every learner's progress; it is moved if it changed
module. Modules and lessons no longer in the package are unpublished, never deleted. Each page gets
a new revision, published under the importing user's name, so the page history shows the import.
"""

import uuid

from django.utils.translation import gettext as _

from courses.models import CoursePage, LessonPage, ModulePage, Quiz, TrackPage
from courses.site import ensure_course_index

from .slugs import course_slug, lesson_slug, module_slug

DEFAULT_TRACK_SLUG = "cursos-importados"


def default_track():
    track = TrackPage.objects.filter(slug=DEFAULT_TRACK_SLUG).first()
    if track is None:
        track = TrackPage(
            title=_("Cursos importados"),
            slug=DEFAULT_TRACK_SLUG,
            summary=_("Cursos traídos de otras plataformas (Common Cartridge, Open edX)."),
        )
        ensure_course_index().add_child(instance=track)
        track.save_revision().publish()
    return track


def stable_id(*parts):
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "acervo-package:" + "/".join(parts)))


def _questions(scope, lesson):
    """Quiz questions as raw stream data with ids derived from the package, so answers keep their targets."""
    raw = []
    for question in lesson.questions:
        key = stable_id(scope, lesson.identifier, question.identifier)
        choices = [
            {"type": "item", "value": {"text": text[:255], "correct": correct}, "id": stable_id(key, str(number))}
            for number, (text, correct) in enumerate(question.choices)
        ]
        raw.append({"type": "question", "value": {"text": question.text, "choices": choices}, "id": key})
    return raw


class Builder:
    def __init__(self, report, user, progress=None):
        self.report, self.user = report, user
        self.progress = progress or (lambda iterable, **kwargs: iterable)

    def publish(self, page, parent=None, created=False):
        if created:
            parent.add_child(instance=page)
            self.report.created += 1
        else:
            self.report.updated += 1
        revision = page.save_revision(user=self.user, log_action=True)
        revision.publish(user=self.user, skip_permission_checks=True)
        return page

    def build(self, course, track):
        slug = course_slug(course)
        page = CoursePage.objects.filter(slug=slug).first()
        created = page is None
        if created:
            page = CoursePage(slug=slug)
        elif track is not None and page.get_parent().pk != track.pk:
            page.move(track, pos="last-child", user=self.user)
            page.refresh_from_db()
        page.title = course.title[:255]
        page.summary = course.summary or page.summary or course.title
        self.publish(page, track, created)
        self.report.course = page
        modules = [self.module(page, module) for module in course.modules]
        self.order(page, modules)
        pairs = [
            (module_page, lesson)
            for module_page, module in zip(modules, course.modules, strict=True)
            for lesson in module.lessons
        ]
        built = {module_page.pk: [] for module_page in modules}
        for module_page, lesson in self.progress(pairs, total=len(pairs), unit=_("lección")):
            built[module_page.pk].append(self.lesson(page, module_page, lesson, course))
        for module_page in modules:
            self.order(module_page, built[module_page.pk])
        self.retire(page, ModulePage, {m.pk for m in modules})
        self.retire(page, LessonPage, {lesson.pk for lessons in built.values() for lesson in lessons})
        return page

    def module(self, course_page, module):
        slug = module_slug(module)
        page = ModulePage.objects.child_of(course_page).filter(slug=slug).first()
        created = page is None
        if created:
            page = ModulePage(slug=slug)
        page.title = (module.title or _("Módulo"))[:255]
        return self.publish(page, course_page, created)

    def lesson(self, course_page, module_page, lesson, course):
        slug = lesson_slug(lesson)
        page = LessonPage.objects.descendant_of(course_page).filter(slug=slug).first()
        created = page is None
        if created:
            page = LessonPage(slug=slug)
        elif page.get_parent().pk != module_page.pk:
            page.move(module_page, pos="last-child", user=self.user)
            page = LessonPage.objects.get(pk=page.pk)
        page.title = lesson.title
        page.body = lesson.body
        page.quizzes = self.quiz(page, lesson, course)
        return self.publish(page, module_page, created)

    def quiz(self, page, lesson, course):
        if not lesson.questions:
            return []
        quiz = (page.quizzes.first() if page.pk else None) or Quiz()
        quiz.title = (lesson.quiz_title or _("Cuestionario"))[:200]
        if lesson.pass_score is not None:
            quiz.pass_score = lesson.pass_score
        if lesson.max_attempts is not None:
            quiz.max_attempts = lesson.max_attempts
        quiz.questions = _questions(course_slug(course), lesson)
        return [quiz]

    def order(self, parent, children):
        """Put the children in package order (moves keep every page, and their learners' progress)."""
        wanted = [child.pk for child in children]
        current = [pk for pk in parent.get_children().values_list("pk", flat=True) if pk in set(wanted)]
        if current == wanted:
            return
        for child in children:
            type(child).objects.get(pk=child.pk).move(parent, pos="last-child", user=self.user)

    def retire(self, course_page, model, kept):
        for page in model.objects.descendant_of(course_page).live().exclude(pk__in=kept):
            page.unpublish(user=self.user)
            self.report.unpublished += 1
