"""`import_catalog` and weekly plans: links to resources anywhere in the file, one revision each."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from wagtail.models import PageLogEntry

from oer.models import ResourcePage, WeeklyPlanPage


def plan_record(factory, external_id, links, number=12):
    return factory(
        external_id=external_id,
        type="weekly_plan",
        title=f"Plan semanal {number}",
        week={
            "year": 2024,
            "number": number,
            "days": [
                {
                    "day": "lunes",
                    "activities": [{"title": "Lectura compartida", "description": "En parejas", "resources": []}],
                },
                {"day": "miércoles", "activities": [{"title": "Repartos", "description": "", "resources": links}]},
            ],
        },
    )


def linked_pks(page):
    """Linked page pks per activity, read through Wagtail's own StreamField value."""
    return [
        [resource.pk for resource in activity["resources"]] for day in page.days for activity in day.value["activities"]
    ]


def assert_only_revision_is_what_wagtail_would_store(page):
    """The page's one revision holds what Wagtail serialises for the page as it is stored, as
    Wagtail's own publish writes it (before the page points at the revision)."""
    assert page.revisions.count() == 1
    # Read afresh: once its blocks have been read, a StreamField serialises with new ids.
    fresh = type(page).objects.get(pk=page.pk)
    expected = json.loads(json.dumps(fresh.serializable_data(), cls=DjangoJSONEncoder))
    expected.update(live_revision=None, latest_revision=None)
    stored = dict(page.latest_revision.content)
    # StreamFields are stored as JSON text; PostgreSQL's jsonb may hand back their keys reordered.
    for name in ("days", "body"):
        assert json.loads(stored.pop(name)) == json.loads(expected.pop(name))
    assert stored == expected


def import_ok(run_command, path):
    result = run_command("import_catalog", str(path), "--no-progress")
    assert result.code == 0, result.stderr
    return result


def test_forward_linked_plan_is_published_once_with_its_links(
    run_command, write_catalog, record_factory, client, admin_client
):
    records = [
        plan_record(record_factory, "aec:plan:12", ["aec:video:1", "aec:libro:1"]),
        record_factory(
            external_id="aec:video:1", type="video", title="Las fracciones en la vida diaria", duration_seconds=754
        ),
        record_factory(external_id="aec:libro:1", title="Desafíos matemáticos. Quinto grado"),
    ]
    import_ok(run_command, write_catalog(records))
    video = ResourcePage.objects.get(external_id="aec:video:1")
    book = ResourcePage.objects.get(external_id="aec:libro:1")
    plan = WeeklyPlanPage.objects.get(external_id="aec:plan:12")

    assert linked_pks(plan) == [[], [video.pk, book.pk]]
    assert plan.live_revision == plan.latest_revision
    assert linked_pks(plan.latest_revision.as_object()) == [[], [video.pk, book.pk]]
    assert_only_revision_is_what_wagtail_would_store(plan)  # block ids included

    html = client.get(plan.url).content.decode()
    wednesday = html.split('id="dia-2"')[1].split("</section>")[0]
    assert "Repartos" in wednesday
    assert f'<a href="{video.url}">{video.title}</a>' in wednesday
    assert f'<a href="{book.url}">{book.title}</a>' in wednesday

    edit = admin_client.get(f"/admin/pages/{plan.pk}/edit/")
    assert edit.status_code == 200
    assert "Repartos" in edit.content.decode()


def test_plan_that_links_nothing_keeps_its_days_in_its_only_revision(run_command, write_catalog, record_factory):
    import_ok(run_command, write_catalog([plan_record(record_factory, "aec:plan:3", [], number=3)]))
    plan = WeeklyPlanPage.objects.get(external_id="aec:plan:3")

    assert [day.value["day"] for day in plan.days] == ["lunes", "miercoles"]
    assert plan.days[0].value["activities"][0]["title"] == "Lectura compartida"
    assert_only_revision_is_what_wagtail_would_store(plan)


def test_reimport_leaves_unchanged_plans_untouched(run_command, write_catalog, record_factory):
    records = [
        plan_record(record_factory, "aec:plan:12", ["aec:video:1"]),
        record_factory(external_id="aec:video:1", type="video", duration_seconds=60),
    ]
    path = write_catalog(records)
    import_ok(run_command, path)
    plan = WeeklyPlanPage.objects.get(external_id="aec:plan:12")
    days_before = list(plan.days.raw_data)
    log_before = PageLogEntry.objects.filter(page=plan).count()

    again = import_ok(run_command, path)
    assert "2 sin cambios" in again.stdout
    plan.refresh_from_db()
    assert plan.revisions.count() == 1
    assert PageLogEntry.objects.filter(page=plan).count() == log_before
    assert list(plan.days.raw_data) == days_before  # block ids too


def test_changed_links_of_an_existing_plan_are_published_as_a_new_revision(
    run_command, write_catalog, record_factory, client
):
    video = record_factory(external_id="aec:video:1", type="video", duration_seconds=60)
    import_ok(run_command, write_catalog([plan_record(record_factory, "aec:plan:12", ["aec:video:1"]), video]))
    plan = WeeklyPlanPage.objects.get(external_id="aec:plan:12")
    revisions_before = plan.revisions.count()

    # The plan now links a book that appears after it, in the new file.
    changed = plan_record(record_factory, "aec:plan:12", ["aec:libro:9"])
    book = record_factory(external_id="aec:libro:9", title="Nuestros saberes. Quinto grado")
    result = import_ok(run_command, write_catalog([changed, video, book]))
    assert "1 creados" in result.stdout and "1 actualizados" in result.stdout

    plan.refresh_from_db()
    book_page = ResourcePage.objects.get(external_id="aec:libro:9")
    assert linked_pks(plan) == [[], [book_page.pk]]
    # One publication for the whole change: never an intermediate revision with the old links.
    assert plan.revisions.count() == revisions_before + 1
    assert plan.live and not plan.has_unpublished_changes
    assert plan.live_revision == plan.latest_revision
    assert linked_pks(plan.live_revision.as_object()) == [[], [book_page.pk]]
    assert PageLogEntry.objects.filter(page=plan, action="wagtail.publish", revision=plan.live_revision).exists()
    wednesday = client.get(plan.url).content.decode().split('id="dia-2"')[1].split("</section>")[0]
    assert f'<a href="{book_page.url}">{book_page.title}</a>' in wednesday
    assert ResourcePage.objects.get(external_id="aec:video:1").url not in wednesday


def test_resources_linked_by_an_imported_plan_show_it_in_their_admin_usage(
    run_command, write_catalog, record_factory, admin_client, django_capture_on_commit_callbacks
):
    records = [
        plan_record(record_factory, "aec:plan:12", ["aec:video:1"]),
        record_factory(external_id="aec:video:1", type="video", duration_seconds=60),
    ]
    # Wagtail's reference index is filled by a background task once the import commits.
    with django_capture_on_commit_callbacks(execute=True):
        import_ok(run_command, write_catalog(records))
    video = ResourcePage.objects.get(external_id="aec:video:1")

    usage = admin_client.get(reverse("wagtailadmin_pages:usage", args=[video.pk]))
    assert usage.status_code == 200
    assert "Plan semanal 12" in usage.content.decode()
