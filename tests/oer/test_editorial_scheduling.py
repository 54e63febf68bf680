"""Scheduled publishing and expiry: a reviewer schedules, `publish_scheduled` makes it happen."""

from datetime import timedelta
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry

from oer.models import TextbookPage
from tests.factories import TextbookPageFactory
from tests.oer.editorial_support import reviewer, textbook_form

pytestmark = pytest.mark.django_db


def admin_datetime(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def run_scheduler_at(moment, run_command):
    """Run the command cron runs, on a clock set to `moment` (the day it would run)."""
    with mock.patch("django.utils.timezone.now", return_value=moment):
        return run_command("publish_scheduled")


def test_scheduled_resource_goes_live_only_when_publish_scheduled_runs_after_its_date(site_structure, run_command):
    reviewer_user, client = reviewer()
    go_live = timezone.now() + timedelta(days=1)
    data = textbook_form(slug="libro-programado", go_live_at=admin_datetime(go_live), **{"action-publish": "Publicar"})
    response = client.post(reverse("wagtailadmin_pages:add", args=("oer", "textbookpage", site_structure.pk)), data)
    assert response.status_code == 302

    page = TextbookPage.objects.get(slug="libro-programado")
    assert page.live is False
    assert page.get_latest_revision().approved_go_live_at is not None
    assert client.get("/recursos/libro-programado/").status_code == 404
    scheduled = client.get("/admin/recursos/", {"status": "scheduled"}).context["object_list"]
    assert [resource.pk for resource in scheduled] == [page.pk]

    assert run_command("publish_scheduled").code == 0  # today: too early
    page.refresh_from_db()
    assert page.live is False

    assert run_scheduler_at(go_live + timedelta(minutes=5), run_command).code == 0
    page.refresh_from_db()
    assert page.live is True
    trace = dict(PageLogEntry.objects.filter(page=page).values_list("action", "user"))
    assert trace["wagtail.publish.schedule"] == reviewer_user.pk  # who approved the schedule
    assert "wagtail.publish.scheduled" in trace  # and when it actually went live
    assert client.get("/recursos/libro-programado/").status_code == 200


def test_expired_resource_is_unpublished_by_publish_scheduled(site_structure, run_command):
    page = TextbookPageFactory(parent=site_structure, title="Libro con vigencia")
    page.expire_at = timezone.now() + timedelta(days=30)
    page.save_revision().publish()

    run_scheduler_at(timezone.now() + timedelta(days=31), run_command)

    page.refresh_from_db()
    assert page.live is False and page.expired is True
    assert PageLogEntry.objects.filter(page=page, action="wagtail.unpublish.scheduled").exists()
