"""`import_catalog` as docs/comandos.md describes it: all or nothing, per-line report, idempotent."""

from oer.models import ResourcePage, TextbookPage, VideoLessonPage, WeeklyPlanPage


def video_record(factory, **overrides):
    data = {
        "type": "video",
        "title": "Las fracciones en la vida diaria",
        "duration_seconds": 754,
        "transcript": "Repartimos una pizza en cuatro partes iguales.",
        "captions": [{"language": "es", "url": "https://recursos.acervo.example/fr.vtt"}],
        "accessibility": ["subtitulos", "transcripcion"],
        "subjects": ["matematicas"],
        "fields": ["saberes-y-pensamiento-cientifico"],
    }
    data.update(overrides)
    return factory(**data)


def test_import_good_file_publishes_every_resource(run_command, write_catalog, record_factory):
    records = [record_factory(), record_factory(), video_record(record_factory, external_id="aec:video:1")]
    result = run_command("import_catalog", str(write_catalog(records)), "--no-progress")

    assert result.code == 0, result.stderr
    assert "3 creados" in result.stdout
    assert ResourcePage.objects.live().count() == 3
    video = VideoLessonPage.objects.get(external_id="aec:video:1")
    assert video.live and video.duration_seconds == 754
    assert video.captions == [{"language": "es", "url": "https://recursos.acervo.example/fr.vtt"}]
    assert video.fases == [5]
    assert video.url == f"/recursos/{video.slug}/"


def test_bad_lines_are_all_reported_and_nothing_is_written(run_command, write_catalog, record_factory):
    records = [
        record_factory(),
        record_factory(grades=[9]),
        "{esto no es json",
        record_factory(levels=["universidad"], license="copyright"),
        record_factory(title=""),
        record_factory(external_id="prueba:repetido"),
        record_factory(external_id="prueba:repetido"),
    ]
    result = run_command("import_catalog", str(write_catalog(records)), "--no-progress")

    assert result.code == 1
    err = result.stderr
    assert "línea 2: grades: el grado 9 no existe en primaria" in err
    assert "línea 3: registro: no es JSON válido" in err
    assert "línea 4: levels: valor desconocido «universidad»" in err
    assert "línea 4: license: licencia desconocida «copyright»" in err
    assert "línea 5: title: es obligatorio" in err
    assert "línea 7: external_id: repetido: ya aparece en la línea 6" in err
    assert "no se importó nada" in err
    assert ResourcePage.objects.count() == 0


def test_unknown_fields_and_misplaced_media_fields_are_errors(run_command, write_catalog, record_factory):
    bad = record_factory(duration_seconds=30)
    bad["colour"] = "rojo"
    result = run_command("import_catalog", str(write_catalog([bad])), "--no-progress")
    assert result.code == 1
    assert "línea 1: colour: campo desconocido" in result.stderr
    assert "línea 1: duration_seconds: solo aplica a videos y audios" in result.stderr


def test_reimport_updates_instead_of_duplicating(run_command, write_catalog, record_factory):
    record = record_factory(external_id="conaliteg:2024:P5PAA", title="Proyectos de Aula. Quinto grado")
    path = write_catalog([record])
    assert run_command("import_catalog", str(path), "--no-progress").code == 0
    page = TextbookPage.objects.get(external_id="conaliteg:2024:P5PAA")
    revisions_before = page.revisions.count()

    unchanged = run_command("import_catalog", str(path), "--no-progress")
    assert "1 sin cambios" in unchanged.stdout
    assert page.revisions.count() == revisions_before

    record["title"] = "Proyectos de Aula. Quinto grado (edición 2024)"
    record["grades"] = [5, 6]
    updated = run_command("import_catalog", str(write_catalog([record])), "--no-progress")
    assert "1 actualizados" in updated.stdout
    assert ResourcePage.objects.count() == 1
    page.refresh_from_db()
    assert page.pk == TextbookPage.objects.get(external_id="conaliteg:2024:P5PAA").pk
    assert page.title == "Proyectos de Aula. Quinto grado (edición 2024)"
    assert page.grades == [5, 6] and page.live
    assert page.revisions.count() == revisions_before + 1


def test_type_of_an_existing_resource_cannot_change(run_command, write_catalog, record_factory):
    record = record_factory(external_id="x:1")
    run_command("import_catalog", str(write_catalog([record])), "--no-progress")
    changed = video_record(record_factory, external_id="x:1")
    result = run_command("import_catalog", str(write_catalog([changed])), "--no-progress")
    assert result.code == 1
    assert "línea 1: type: el recurso ya existe como «textbook»" in result.stderr
    assert TextbookPage.objects.filter(external_id="x:1").exists()


def test_dry_run_validates_without_writing(run_command, write_catalog, record_factory):
    result = run_command("import_catalog", str(write_catalog([record_factory(), record_factory()])), "--dry-run")
    assert result.code == 0
    assert "2 recursos" in result.stdout and "--dry-run" in result.stdout
    assert ResourcePage.objects.count() == 0

    bad = run_command("import_catalog", str(write_catalog([record_factory(type="libro")])), "--dry-run")
    assert bad.code == 1 and "línea 1: type: tipo desconocido «libro»" in bad.stderr


def test_weekly_plan_links_resources_defined_later_in_the_file(run_command, write_catalog, record_factory):
    plan = record_factory(
        external_id="aec:plan:12",
        type="weekly_plan",
        title="Plan semanal 12",
        week={
            "year": 2024,
            "number": 12,
            "days": [
                {
                    "day": "miércoles",
                    "activities": [{"title": "Repartos", "description": "", "resources": ["aec:video:1"]}],
                },
            ],
        },
    )
    video = video_record(record_factory, external_id="aec:video:1")
    result = run_command("import_catalog", str(write_catalog([plan, video])), "--no-progress")
    assert result.code == 0, result.stderr
    page = WeeklyPlanPage.objects.get(external_id="aec:plan:12")
    linked = page.days[0].value["activities"][0]["resources"][0]
    assert linked.specific.external_id == "aec:video:1"

    dangling = dict(plan, external_id="aec:plan:13")
    dangling["week"] = {
        "year": 2024,
        "number": 13,
        "days": [{"day": "lunes", "activities": [{"title": "A", "resources": ["no:existe"]}]}],
    }
    bad = run_command("import_catalog", str(write_catalog([dangling])), "--no-progress")
    assert bad.code == 1 and "línea 1: week: el recurso vinculado «no:existe» no existe" in bad.stderr


def test_missing_file_and_empty_file_are_clear_errors(run_command, tmp_path, write_catalog):
    missing = run_command("import_catalog", str(tmp_path / "nada.jsonl"))
    assert missing.code == 1 and "No existe el archivo" in missing.stderr
    empty = run_command("import_catalog", str(write_catalog([])), "--no-progress")
    assert empty.code == 1 and "el archivo está vacío" in empty.stderr


def test_progress_bar_is_shown_on_stderr(run_command, write_catalog, record_factory):
    result = run_command("import_catalog", str(write_catalog([record_factory() for _ in range(3)])))
    assert result.code == 0
    assert "Importando" in result.stderr and "3/3" in result.stderr


def test_imported_pages_are_whole_wagtail_pages(run_command, write_catalog, record_factory, admin_client):
    """Bulk-created pages have a live revision, audit entries, a sound tree and open in the admin."""
    from wagtail.models import Page, PageLogEntry

    records = [record_factory() for _ in range(3)]
    assert run_command("import_catalog", str(write_catalog(records)), "--no-progress").code == 0
    page = TextbookPage.objects.get(external_id=records[1]["external_id"])
    assert page.live_revision is not None and page.live_revision.as_object().title == page.title
    assert PageLogEntry.objects.filter(page=page, action="wagtail.publish").exists()
    assert all(not problems for problems in Page.find_problems())
    assert page.get_parent().numchild == 3

    edit = admin_client.get(f"/admin/pages/{page.pk}/edit/")
    assert edit.status_code == 200 and records[1]["title"] in edit.content.decode()
    # The tree stays usable for Wagtail's own page creation after a bulk import.
    index = page.get_parent()
    manual = TextbookPage(title="Libro añadido a mano", external_id="manual:1", levels=["primaria"], grades=[2])
    index.add_child(instance=manual)
    assert index.get_children().count() == 4


def test_imported_resources_are_found_by_the_admin_page_search(
    run_command, write_catalog, record_factory, admin_client, django_capture_on_commit_callbacks
):
    records = [record_factory(title="Ecosistemas de la selva lacandona", description="Seres vivos y su entorno.")]
    # The admin index is updated by a background task once the import commits.
    with django_capture_on_commit_callbacks(execute=True):
        assert run_command("import_catalog", str(write_catalog(records)), "--no-progress").code == 0
    response = admin_client.get("/admin/pages/search/", {"q": "lacandona"})
    assert "Ecosistemas de la selva lacandona" in response.content.decode()


def test_bulk_revision_content_matches_what_wagtail_would_store(run_command, write_catalog, record_factory):
    records = [record_factory(keywords=["fracciones"], axes=["inclusion"])]
    assert run_command("import_catalog", str(write_catalog(records)), "--no-progress").code == 0
    import json

    from django.core.serializers.json import DjangoJSONEncoder

    page = TextbookPage.objects.get(external_id=records[0]["external_id"])
    stored = page.live_revision.content
    expected = json.loads(json.dumps(page.serializable_data(), cls=DjangoJSONEncoder))
    # The revision is written before the page points at it, exactly as Wagtail's own publish does.
    expected.update(live_revision=None, latest_revision=None)
    assert stored == expected
