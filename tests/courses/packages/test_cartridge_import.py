"""import_course with the checked-in Common Cartridge "Evaluación formativa en el aula"."""

import pytest
from lxml import etree

from courses.models import CoursePage, LessonPage, LessonProgress, ModulePage, TrackPage

from ..conftest import make_learner, put_progress
from .conftest import REALISTIC, folder_files, write_zip

SLUG = "cc-evaluacion-formativa-2026"
CP = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"


def second_edition(manifest):
    """ "Lecturas de apoyo" removed, "Autoevaluación" moved to the first module, one title changed."""
    root = etree.fromstring(manifest)
    item = {node.get("identifier"): node for node in root.iter(f"{{{CP}}}item")}
    item["leccion-lecturas"].getparent().remove(item["leccion-lecturas"])
    item["leccion-evaluar-para-aprender"].addnext(item["leccion-autoevaluacion"])
    item["leccion-criterios"].find(f"{{{CP}}}title").text = "Criterios de éxito"
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def lesson(slug):
    return LessonPage.objects.get(slug=slug)


def body_html(page):
    return "".join(block.value.source for block in page.body if block.block_type == "paragraph")


def test_unsupported_forum_stops_the_import_and_is_named(run_command, site_structure, realistic_cartridge):
    result = run_command("import_course", str(realistic_cartridge), "--no-progress")
    assert result.code == 1
    assert "foros/comparte-una-estrategia.xml: tipo no admitido: foro de discusión (imsdt_xmlv1p1)" in result.stderr
    assert "--skip-unsupported" in result.stderr
    assert "no se importó nada" in result.stderr
    assert not CoursePage.objects.exists()


def test_realistic_cartridge_becomes_a_published_course(run_command, site_structure, realistic_cartridge):
    result = run_command("import_course", str(realistic_cartridge), "--skip-unsupported", "--no-progress")
    assert result.code == 0, result.stderr
    assert "foro de discusión (imsdt_xmlv1p1) (omitido)" in result.stdout
    course = CoursePage.objects.get(slug=SLUG)
    assert course.live and course.title == "Evaluación formativa en el aula"
    assert course.summary.startswith("Un curso breve para docentes")
    assert course.get_parent().slug == "cursos-importados"
    # Published by the import, and under the review workflow for whatever editors change afterwards.
    assert course.get_workflow().name == "Revisión editorial"
    assert course.get_latest_revision().content["title"] == course.title
    modules = [(m.title, [lesson.title for lesson in m.lessons]) for m in course.modules]
    assert modules == [
        ("¿Qué es la evaluación formativa?", ["Evaluar para aprender", "Lecturas de apoyo"]),
        (
            "Estrategias en el aula",
            ["Criterios de éxito y retroalimentación", "Autoevaluación y coevaluación", "Comprueba lo aprendido"],
        ),
    ]
    first = lesson("l-leccion-evaluar-para-aprender")
    assert [b.block_type for b in first.body] == ["heading", "paragraph", "heading", "paragraph"]
    assert first.body[0].value == "Evaluar durante el proceso, no solo al final"
    html = body_html(first)
    assert (
        "<b>evaluación formativa</b>" in html
        and "<ol><li>¿Hacia dónde va el aprendizaje? (las metas y los criterios de éxito)</li><li>" in html
    )
    assert "script" not in html and "console.log" not in html
    readings = body_html(lesson("l-leccion-lecturas"))
    assert '<a href="https://www.gob.mx/mejoredu">Comisión Nacional para la Mejora Continua' in readings
    assert '<a href="https://www.gob.mx/sep">Secretaría de Educación Pública</a>' in readings
    criteria = body_html(lesson("l-leccion-criterios"))
    assert "<i>«mi texto tiene" in criteria and "<img" not in criteria
    quiz = lesson("l-leccion-cuestionario").quiz
    assert quiz.title == "Comprueba lo aprendido" and quiz.max_attempts == 2
    questions = [(q.value["text"], [(c["text"], c["correct"]) for c in q.value["choices"]]) for q in quiz.questions]
    assert questions[0][0] == "¿Cuál es el propósito principal de la evaluación formativa?"
    assert [ok for _t, ok in questions[1][1]] == [False, True]
    assert [ok for _t, ok in questions[2][1]] == [True, True, False]
    assert "Curso «Evaluación formativa en el aula» (cc-evaluacion-formativa-2026)" in result.stdout


def test_track_option_places_the_course_and_unknown_tracks_are_refused(
    run_command, site_structure, realistic_cartridge
):
    from courses.site import ensure_course_index

    ensure_course_index().add_child(instance=TrackPage(title="Formación docente", slug="formacion-docente"))
    missing = run_command("import_course", str(realistic_cartridge), "--skip-unsupported", "--track", "no-existe")
    assert missing.code == 1 and "no existe el itinerario «no-existe»" in missing.stderr
    assert not CoursePage.objects.exists()
    run_command("import_course", str(realistic_cartridge), "--skip-unsupported", "--track", "formacion-docente")
    assert CoursePage.objects.get(slug=SLUG).get_parent().slug == "formacion-docente"


def test_reimport_updates_the_same_pages_and_keeps_progress(run_command, site_structure, realistic_cartridge, tmp_path):
    assert run_command("import_course", str(realistic_cartridge), "--skip-unsupported").code == 0
    ids = dict(LessonPage.objects.values_list("slug", "pk"))
    learner = make_learner("lucia")
    assert learner.post(f"/api/v1/courses/{SLUG}/enrolment/").status_code == 201
    put_progress(learner, lesson("l-leccion-autoevaluacion"), status="completed")
    put_progress(learner, lesson("l-leccion-lecturas"), status="completed")

    again = run_command("import_course", str(realistic_cartridge), "--skip-unsupported", "--no-progress")
    assert again.code == 0 and "0 páginas creadas" in again.stdout
    assert CoursePage.objects.count() == 1 and dict(LessonPage.objects.values_list("slug", "pk")) == ids

    # A new edition: "Lecturas de apoyo" is gone, "Autoevaluación" moved to the first module, a title changed.
    files = folder_files(REALISTIC)
    files["imsmanifest.xml"] = second_edition(files["imsmanifest.xml"])
    edition = write_zip(tmp_path / "segunda-edicion.imscc", files)
    result = run_command("import_course", str(edition), "--skip-unsupported", "--no-progress")
    assert result.code == 0, result.stderr
    moved = lesson("l-leccion-autoevaluacion")
    assert moved.pk == ids["l-leccion-autoevaluacion"] and moved.live
    assert moved.get_parent().slug == "m-modulo-fundamentos"
    assert [p.slug for p in ModulePage.objects.get(slug="m-modulo-fundamentos").lessons] == [
        "l-leccion-evaluar-para-aprender",
        "l-leccion-autoevaluacion",
    ]
    assert lesson("l-leccion-criterios").title == "Criterios de éxito"
    assert not lesson("l-leccion-lecturas").live  # unpublished, not deleted
    assert LessonProgress.objects.filter(user=learner.user).count() == 2
    summary = learner.get(f"/api/v1/courses/{SLUG}/").json()
    assert summary is not None


@pytest.mark.parametrize("version", ["1.1.0", "1.2.0", "1.3.0"])
def test_each_cartridge_version_imports(run_command, site_structure, tmp_path, version):
    from .conftest import one_lesson_cartridge

    files = one_lesson_cartridge(version=version, identifier=f"v{version}")
    for old, new in (("imsccv1p3", {"1.1.0": "imsccv1p1", "1.2.0": "imsccv1p2"}.get(version, "imsccv1p3")),):
        files["imsmanifest.xml"] = files["imsmanifest.xml"].replace(old, new)
    result = run_command("import_course", str(write_zip(tmp_path / "c.imscc", files)), "--no-progress")
    assert result.code == 0, result.stderr
    assert CoursePage.objects.get().title == "Curso de prueba"


def test_reimport_with_another_track_moves_the_course(run_command, site_structure, realistic_cartridge):
    from courses.site import ensure_course_index

    assert run_command("import_course", str(realistic_cartridge), "--skip-unsupported").code == 0
    course = CoursePage.objects.get(slug=SLUG)
    ensure_course_index().add_child(instance=TrackPage(title="Formación docente", slug="formacion-docente"))
    moved = run_command("import_course", str(realistic_cartridge), "--skip-unsupported", "--track", "formacion-docente")
    assert moved.code == 0
    assert CoursePage.objects.get(pk=course.pk).get_parent().slug == "formacion-docente"
    assert CoursePage.objects.count() == 1
