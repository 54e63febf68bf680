"""import_course with Open edX OLX course exports (.tar.gz) built here."""

import pytest

from courses.models import CoursePage, LessonPage

from .conftest import write_tar

pytestmark = pytest.mark.usefixtures("site_structure")

MULTIPLE_CHOICE = """<problem display_name="Propósito" max_attempts="3">
  <multiplechoiceresponse>
    <label>¿Para qué sirve la evaluación formativa?</label>
    <choicegroup type="MultipleChoice">
      <choice correct="false">Para calificar al final</choice>
      <choice correct="true">Para ajustar la enseñanza <choicehint>¡Así es!</choicehint></choice>
    </choicegroup>
  </multiplechoiceresponse>
</problem>"""

CHECKBOXES = """<problem display_name="Estrategias">
  <p>¿Cuáles son estrategias de autoevaluación?</p>
  <choiceresponse>
    <checkboxgroup>
      <choice correct="true">Semáforo de comprensión</choice>
      <choice correct="true">Dos estrellas y un deseo</choice>
      <choice correct="false">Examen sin comentarios</choice>
    </checkboxgroup>
  </choiceresponse>
</problem>"""


def olx_files(extra_vertical="", extra_files=None):
    files = {
        "curso/course.xml": '<course url_name="2026_T1" org="MinEdu" course="EVF101"/>',
        "curso/course/2026_T1.xml": """<course display_name="Evaluación formativa (Open edX)">
            <chapter url_name="cap1"/>
            <chapter url_name="cap2" display_name="Cierre"><sequential url_name="seq_cierre" display_name="Despedida">
              <vertical url_name="v_cierre"><html url_name="h_cierre" display_name="Gracias"><p>Gracias por
              participar.</p></html></vertical></sequential></chapter>
          </course>""",
        "curso/chapter/cap1.xml": '<chapter display_name="Fundamentos"><sequential url_name="seq1"/></chapter>',
        "curso/sequential/seq1.xml": """<sequential display_name="Evaluar para aprender">
            <vertical url_name="v1"/></sequential>""",
        "curso/vertical/v1.xml": f"""<vertical display_name="Introducción">
            <html url_name="h1"/><video url_name="vid1"/><problem url_name="p1"/><problem url_name="p2"/>
            {extra_vertical}</vertical>""",
        "curso/html/h1.xml": '<html filename="h1" display_name="Texto"/>',
        "curso/html/h1.html": "<h3>Una idea central</h3><p>Evaluar <em>mientras</em> se aprende.</p>"
        "<script>alert('x')</script>",
        "curso/video/vid1.xml": """<video display_name="Video" youtube_id_1_0="abc123"
            html5_sources='["https://videos.example.org/evaluacion.mp4"]'/>""",
        "curso/problem/p1.xml": MULTIPLE_CHOICE,
        "curso/problem/p2.xml": CHECKBOXES,
        "curso/about/short_description.html": "<p>Curso de Open edX sobre evaluación formativa.</p>",
    }
    files.update(extra_files or {})
    return files


def test_olx_export_becomes_a_course(run_command, tmp_path):
    path = write_tar(tmp_path / "curso.tar.gz", olx_files())
    result = run_command("import_course", str(path), "--no-progress")
    assert result.code == 0, result.stderr
    course = CoursePage.objects.get(slug="edx-minedu-evf101-2026_t1")
    assert course.title == "Evaluación formativa (Open edX)" and course.live
    assert course.summary == "Curso de Open edX sobre evaluación formativa."
    structure = [(m.title, [lesson.title for lesson in m.lessons]) for m in course.modules]
    assert structure == [("Fundamentos", ["Evaluar para aprender"]), ("Cierre", ["Despedida"])]
    lesson = LessonPage.objects.get(slug="l-seq1")
    kinds = [(b.block_type, b.value if b.block_type == "heading" else None) for b in lesson.body]
    assert kinds[:3] == [("heading", "Introducción"), ("heading", "Una idea central"), ("paragraph", None)]
    assert lesson.body[2].value.source == "<p>Evaluar <i>mientras</i> se aprende.</p>"
    assert lesson.body[3].block_type == "video"
    assert lesson.body[3].value["url"] == "https://videos.example.org/evaluacion.mp4"
    quiz = lesson.quiz
    assert quiz.max_attempts == 3
    texts = [(q.value["text"], [(c["text"], c["correct"]) for c in q.value["choices"]]) for q in quiz.questions]
    assert texts == [
        (
            "¿Para qué sirve la evaluación formativa?",
            [("Para calificar al final", False), ("Para ajustar la enseñanza", True)],
        ),
        (
            "¿Cuáles son estrategias de autoevaluación?",
            [("Semáforo de comprensión", True), ("Dos estrellas y un deseo", True), ("Examen sin comentarios", False)],
        ),
    ]
    inline = LessonPage.objects.get(slug="l-seq_cierre")
    assert inline.body[0].value.source == "<p>Gracias por participar.</p>"


def test_youtube_only_video_keeps_its_address(run_command, tmp_path):
    files = olx_files(extra_files={"curso/video/vid1.xml": '<video display_name="Video" youtube_id_1_0="abc123"/>'})
    assert run_command("import_course", str(write_tar(tmp_path / "yt.tar.gz", files)), "--no-progress").code == 0
    video = [b for b in LessonPage.objects.get(slug="l-seq1").body if b.block_type == "video"][0]
    assert video.value["url"] == "https://www.youtube.com/watch?v=abc123"


def test_unsupported_components_and_problems_are_named(run_command, tmp_path):
    files = olx_files(
        extra_vertical='<discussion url_name="foro1" discussion_category="General"/><problem url_name="p3"/>',
        extra_files={
            "curso/discussion/foro1.xml": '<discussion display_name="Foro" discussion_category="General"/>',
            "curso/problem/p3.xml": '<problem><numericalresponse answer="4"><textline/></numericalresponse></problem>',
        },
    )
    path = write_tar(tmp_path / "foro.tar.gz", files)
    refused = run_command("import_course", str(path), "--no-progress")
    assert refused.code == 1 and not CoursePage.objects.exists()
    assert "vertical/v1.xml: tipo no admitido: componente «discussion»" in refused.stderr
    assert "problem/p3.xml: tipo no admitido: problema con «numericalresponse»" in refused.stderr
    skipped = run_command("import_course", str(path), "--no-progress", "--skip-unsupported")
    assert skipped.code == 0 and skipped.stdout.count("(omitido)") == 2


def test_missing_pointer_file_is_reported(run_command, tmp_path):
    files = olx_files()
    del files["curso/problem/p2.xml"]
    result = run_command("import_course", str(write_tar(tmp_path / "falta.tar.gz", files)), "--no-progress")
    assert result.code == 1 and not CoursePage.objects.exists()
    assert "problem/p2.xml: falta el archivo, referido desde vertical/v1.xml" in result.stderr
