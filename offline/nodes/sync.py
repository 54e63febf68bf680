"""One sync run: check the source, harvest its changes page by page, then its courses.

Each page of identifiers is written in one transaction together with the harvest position, so a
run killed at any point goes on from the last page written, and a failed page changes nothing.
"""

from collections import Counter

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from oer import taxonomy

from . import courses, oai, resources
from .client import SourceClient, SyncError
from .models import SyncRun, SyncSource


def no_report(message):
    pass


def sync_from(url, level="", with_files=False, report=no_report):
    """Run a sync and return its SyncRun; SyncError (in Spanish) when it failed, after recording it."""
    if level and level not in taxonomy.LEVELS:
        raise SyncError(
            _("Nivel desconocido «%(level)s»; válidos: %(valid)s")
            % {"level": level, "valid": ", ".join(taxonomy.LEVELS.slugs)}
        )
    client = SourceClient(url)
    counts = Counter()
    try:
        name = oai.check_source(client)
    except SyncError as error:
        # A source this node already follows shows the failure in the admin; a first try leaves no trace.
        known = SyncSource.objects.filter(url=client.base_url, level=level or "").first()
        if known is not None:
            finish(SyncRun.objects.create(source=known), counts, client, SyncRun.Status.FAILED, error.message)
        raise
    source, _created = SyncSource.objects.get_or_create(url=client.base_url, level=level or "")
    # A run still "running" was killed: say so in the admin (its written pages stay, and this run resumes).
    source.runs.filter(status=SyncRun.Status.RUNNING).update(
        status=SyncRun.Status.FAILED, error=_("Interrumpida; la siguiente sincronización siguió desde ahí.")
    )
    run = SyncRun.objects.create(source=source)
    report(_("Sincronizando desde %(name)s (%(url)s).") % {"name": name, "url": client.base_url})
    try:
        harvest(client, source, counts, with_files, report)
        courses.sync_courses(client, level, counts, report)
    except SyncError as error:
        finish(run, counts, client, SyncRun.Status.FAILED, error.message)
        raise
    except Exception as error:
        finish(run, counts, client, SyncRun.Status.FAILED, _("Error inesperado: %(error)s") % {"error": error})
        raise
    finish(run, counts, client, SyncRun.Status.OK)
    return run


def finish(run, counts, client, status, error=""):
    counts["requests"] = client.requests
    run.counts = dict(counts)
    run.status = status
    run.error = error
    run.finished = timezone.now()
    run.save()


def harvest(client, source, counts, with_files, report):
    token = source.resumption_token
    if token:
        report(_("Se retoma la cosecha interrumpida."))
    while True:
        page = oai.list_identifiers(client, token=token, since=source.last_datestamp, level=source.level)
        if page.error_code == "badResumptionToken" and token:
            report(_("El testigo de la cosecha interrumpida caducó; se vuelve a pedir desde la última fecha."))
            token = ""
            continue
        if page.error_code == "noRecordsMatch":
            with transaction.atomic():
                source.last_datestamp = source.harvest_started or page.response_date
                source.harvest_started = source.resumption_token = ""
                source.save()
            return
        if page.error_code:
            raise SyncError(
                _("El servidor OAI-PMH respondió con error %(code)s: %(message)s")
                % {"code": page.error_code, "message": page.error_message}
            )
        started = source.harvest_started if token else page.response_date
        with transaction.atomic():
            resources.apply_page(client, page.headers, counts, with_files=with_files)
            source.harvest_started = started
            source.resumption_token = page.token
            if not page.token:
                source.last_datestamp = started
                source.harvest_started = ""
            source.save()
        counts["pages"] += 1
        counts["identifiers"] += len(page.headers)
        report(
            _("Página %(n)d: %(done)d identificadores%(total)s.")
            % {
                "n": counts["pages"],
                "done": counts["identifiers"],
                "total": f" / {page.complete_size}" if page.complete_size else "",
            }
        )
        if not page.token:
            return
        token = page.token
