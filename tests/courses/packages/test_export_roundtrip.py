"""export_course writes a Common Cartridge 1.3 that import_course reads back into the same course."""

import zipfile

from wagtail.rich_text import RichText

from courses.models import CoursePage, LessonPage
from tests.factories import TextbookPageFactory


def block_shape(block):
    if block.block_type == "paragraph":
        return block.value.source
    if block.block_type == "video":
        return block.value["url"]
    if block.block_type == "resource":
        return (block.value["resource"].pk, block.value["note"])
    return block.value


def shape(course):
    result = []
    for module in course.modules:
        lessons = []
        for lesson in module.lessons.specific():
            quiz = lesson.quiz
            questions = None
            if quiz:
                questions = (
                    quiz.title,
                    str(quiz.pass_score),
                    quiz.max_attempts,
                    [
                        (q.value["text"], [(c["text"], c["correct"]) for c in q.value["choices"]])
                        for q in quiz.questions
                    ],
                )
            lessons.append((lesson.title, [(b.block_type, block_shape(b)) for b in lesson.body], questions))
        result.append((module.title, lessons))
    return result


def test_export_imports_back_into_the_same_structure(run_command, course_tree, site_structure, tmp_path):
    book = TextbookPageFactory(parent=site_structure, title="Libro de lecturas")
    lesson = LessonPage.objects.get(pk=course_tree.lessons[0].pk)
    lesson.body = [
        ("heading", "Antes de leer"),
        (
            "paragraph",
            RichText('<p>Lee <b>en voz alta</b> y consulta <a href="https://www.gob.mx/sep">la SEP</a>.</p>'),
        ),
        ("video", {"resource": None, "url": "https://videos.example.org/lectura.mp4", "captions": []}),
        ("resource", {"resource": book, "note": ""}),
        ("paragraph", RichText("<ul><li>Uno</li><li>Dos</li></ul>")),
    ]
    lesson.save_revision().publish()
    original = CoursePage.objects.get(slug="didactica")

    output = tmp_path / "didactica.imscc"
    exported = run_command("export_course", "didactica", "--output", str(output))
    assert exported.code == 0 and "Common Cartridge 1.3" in exported.stdout
    with zipfile.ZipFile(output) as archive:
        manifest = archive.read("imsmanifest.xml").decode()
    assert "<schemaversion>1.3.0</schemaversion>" in manifest and "imsccv1p3" in manifest

    imported = run_command("import_course", str(output), "--no-progress")
    assert imported.code == 0, imported.stderr
    copy = CoursePage.objects.get(slug="cc-didactica")
    assert copy.title == original.title and copy.summary == original.summary
    assert shape(copy) == shape(original)
    assert shape(copy)[0][1][0][1][0] == ("heading", "Antes de leer")
    assert ("resource", (book.pk, "")) in shape(copy)[0][1][0][1]  # the link to the repository found its page

    # Importing the same cartridge again changes nothing in the structure and creates no page.
    again = run_command("import_course", str(output), "--no-progress")
    assert "0 páginas creadas" in again.stdout and shape(CoursePage.objects.get(slug="cc-didactica")) == shape(original)


def test_export_of_an_unknown_course_or_folder_is_refused(run_command, course_tree, tmp_path):
    missing = run_command("export_course", "no-existe", "--output", str(tmp_path / "x.imscc"))
    assert missing.code == 1 and "No existe el curso «no-existe»." in missing.stderr
    folder = run_command("export_course", "didactica", "--output", str(tmp_path / "no" / "x.imscc"))
    assert folder.code == 1 and "No existe la carpeta" in folder.stderr
