"""Run inside one test instance (its own settings and data folder): fill it, describe it, or keep writing to it.

python -m tests.operations.probe populate    # prints the facts the tests check after a restore
python -m tests.operations.probe snapshot    # row counts of every table, password hashes, file digests
python -m tests.operations.probe write STOPFILE  # enrol new learners until STOPFILE exists
python -m tests.operations.probe refusals FILE…  # `restore FILE --force` for each, in one process
"""

import hashlib
import json
import os
import sys
import tempfile
import time
from pathlib import Path

import django

LEARNER = {"username": "ana", "password": "clave-de-ana-2026", "first_name": "Ana", "last_name": "López Ríos"}
SECOND_LEARNER = {"username": "beto", "password": "clave-de-beto-2026"}
RESOURCE_TITLE = "Ajolotes de Xochimilco: ciencia en el aula"
POSITION_SECONDS = 125


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _import_resources():
    """Two resources through import_catalog, one with a stored PDF."""
    from django.core.management import call_command

    from tests.factories import CatalogRecordFactory
    from tests.pdf_factory import make_pdf

    folder = Path(tempfile.mkdtemp(prefix="catalogo-"))
    make_pdf(folder / "ajolotes.pdf", ["Los ajolotes respiran por branquias.", "Viven en los canales."])
    records = [
        CatalogRecordFactory(external_id="copia:ajolotes", title=RESOURCE_TITLE, file="ajolotes.pdf", file_url=None),
        CatalogRecordFactory(external_id="copia:fracciones", title="Fracciones con pizzas"),
    ]
    catalogue = folder / "catalogo.jsonl"
    catalogue.write_text("\n".join(json.dumps(record, ensure_ascii=False) for record in records) + "\n")
    call_command("import_catalog", str(catalogue), "--files", str(folder), "--no-progress")


def _course():
    from courses.models import CoursePage, LessonPage, ModulePage, TrackPage
    from courses.site import ensure_course_index

    track = _publish(ensure_course_index(), TrackPage(title="Formación continua", slug="formacion"))
    course = _publish(track, CoursePage(title="Didáctica de la lectura", slug="didactica", summary="Leer.", hours=8))
    module = _publish(course, ModulePage(title="Módulo uno", slug="modulo-uno"))
    lessons = [_publish(module, LessonPage(title=f"Lección {n}", slug=f"leccion-{n}")) for n in (1, 2)]
    return course, lessons


def populate():
    from django.contrib.auth import get_user_model
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    from courses import api
    from courses.models import Certificate
    from oer.site import ensure_site_structure

    ensure_site_structure()
    _import_resources()
    Document.objects.create(title="Guía de lectura", file=ContentFile(b"Leer en voz alta.\n" * 100, name="guia.txt"))
    course, lessons = _course()
    User = get_user_model()
    User.objects.create_superuser("editora", "editora@example.mx", "clave-de-editora-2026")
    ana = User.objects.create_user(email="ana@example.mx", **LEARNER)
    beto = User.objects.create_user(email="beto@example.mx", **SECOND_LEARNER)
    api.enroll(ana, course)
    for lesson in lessons:
        api.record_progress(ana, lesson.pk, "completed")
    api.enroll(beto, course)
    api.record_progress(beto, lessons[0].pk, "in_progress", POSITION_SECONDS)
    certificate = Certificate.objects.get(user=ana, course=course)
    return {"certificate": certificate.code, "lesson_id": lessons[0].pk, "course": course.slug}


def snapshot():
    """Everything a restore must bring back: each table's row count, password hashes, stored files' digests."""
    from django.apps import apps
    from django.contrib.auth import get_user_model
    from django.core.files.storage import storages

    from operations.backup.stored_files import listing

    counts = {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy
    }
    passwords = dict(get_user_model().objects.values_list("username", "password"))
    storage = storages["default"]
    files = {}
    for name, _size in listing(storage):
        with storage.open(name, "rb") as handle:
            files[name] = hashlib.sha256(handle.read()).hexdigest()
    return {"counts": counts, "passwords": passwords, "files": files}


def write(stop_file):
    """Enrol a new learner per transaction (user and enrolment together) until stop_file exists."""
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from courses.models import CoursePage, Enrolment

    course = CoursePage.objects.get(slug="didactica")
    User = get_user_model()
    written = 0
    while not os.path.exists(stop_file):
        with transaction.atomic():
            user = User.objects.create_user(f"escritor-{written}", password=None)
            Enrolment.objects.create(user=user, course=course)
        written += 1
        if written == 20:
            print("escribiendo", flush=True)
        time.sleep(0.002)
    return {"written": written}


def refusals(*paths):
    """Run `restore PATH --force` on each path in this one process; {path: the error it stopped with}."""
    import io

    from django.core.management import call_command
    from django.core.management.base import CommandError

    errors = {}
    for path in paths:
        try:
            call_command("restore", path, "--force", "--no-progress", stdout=io.StringIO())
            errors[path] = None
        except CommandError as exc:
            errors[path] = str(exc)
    return errors


def consistency():
    """Writers' learners and their enrolments: a consistent copy has exactly one for each."""
    from django.contrib.auth import get_user_model

    from courses.models import Enrolment

    users = get_user_model().objects.filter(username__startswith="escritor-")
    return {"users": users.count(), "enrolments": Enrolment.objects.filter(user__in=users).count()}


if __name__ == "__main__":
    django.setup()
    action, arguments = sys.argv[1], sys.argv[2:]
    actions = {"populate": populate, "snapshot": snapshot, "write": write, "refusals": refusals}
    result = {**actions, "consistency": consistency}[action](*arguments)
    print(json.dumps(result, ensure_ascii=False))
