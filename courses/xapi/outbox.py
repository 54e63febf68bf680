"""The durable xAPI outbox: statements are written with the learning event, sent later in batches.

`add` runs inside the learner's transaction, so a statement exists exactly when its event does, and
the learner's request never waits for the LRS. `send` posts due statements in batches; a 409 or a
repeated id counts as sent, because ids are stable (the LRS keeps one copy). While the LRS is down the
statements wait with back-off and are tried again; nothing is deleted before it is stored.
"""

import logging
from datetime import timedelta

from django.core.cache import cache
from django.db import connection, transaction
from django.utils import timezone

from courses.xapi import lrs, statements
from courses.xapi.models import XapiStatement

logger = logging.getLogger(__name__)

BATCH_SIZE = 100
MAX_BACKOFF = timedelta(hours=1)
KICK_KEY = "courses:xapi:kick"
KICK_SECONDS = 5


def add(found):
    """Queue statements built by `courses.xapi.statements.build`; one already queued (same id) is kept as is."""
    if not found:
        return 0
    now = timezone.now()
    rows = [
        # A microsecond apart, so statements of one event leave in the order they were made.
        XapiStatement(
            id=sid,
            account=payload["actor"]["account"]["name"],
            verb=verb,
            payload=payload,
            created_at=now + timedelta(microseconds=offset),
            next_attempt_at=now,
        )
        for offset, (sid, verb, payload) in enumerate(found)
    ]
    XapiStatement.objects.bulk_create(rows, ignore_conflicts=True)
    if not any(callback[1] is _kick_soon for callback in connection.run_on_commit):
        transaction.on_commit(_kick_soon)
    return len(rows)


def _kick_soon():
    """One sending task at a time: while one is queued or running (the cache mark), new statements wait for it.

    The task clears the mark once it has drained, then looks again, so a statement committed while the
    mark was there is still picked up. Where the cache is not shared between processes, the mark lapses
    after KICK_SECONDS and the next event starts a new task.
    """
    if cache.add(KICK_KEY, 1, KICK_SECONDS):
        kick_worker()


def kick_worker(run_after=None):
    from courses.xapi.tasks import send_statements

    try:
        task = send_statements
        if run_after is not None:
            if not task.get_backend().supports_defer:
                return
            task = task.using(run_after=run_after)
        task.enqueue()
    except Exception:  # the rows are safe; a later event or `manage.py xapi_send` sends them
        logger.exception("could not enqueue the xAPI sending task")


def pending():
    return XapiStatement.objects.filter(sent_at__isnull=True)


def backlog():
    return pending().count()


def forget_account(user):
    """The account is going: its statements, sent or not, leave the outbox and none is sent any more."""
    return XapiStatement.objects.filter(account=statements.account_name(user.pk)).delete()[0]


def retry_now():
    """Make every waiting statement due at once (an operator after fixing the LRS)."""
    return pending().update(next_attempt_at=timezone.now())


def _mark_sent(rows):
    XapiStatement.objects.filter(pk__in=[row.pk for row in rows]).update(sent_at=timezone.now(), last_error="")


def _postpone(rows, message):
    now = timezone.now()
    for row in rows:
        row.attempts += 1
        row.next_attempt_at = now + min(timedelta(seconds=15 * 2 ** min(row.attempts, 12)), MAX_BACKOFF)
        row.last_error = message[:2000]
    XapiStatement.objects.bulk_update(rows, ["attempts", "next_attempt_at", "last_error"])


def _send_one_by_one(rows):
    """After a batch was refused: each statement alone; a 409 (its id is stored already) counts as sent."""
    sent = []
    try:
        for row in rows:
            if lrs.post([row.payload]) == 400:
                _postpone([row], "HTTP 400: el LRS rechazó la declaración")
            else:
                sent.append(row)
    finally:  # the LRS may go down half-way: what it took so far is sent
        _mark_sent(sent)
    return len(sent)


def send(batch_size=BATCH_SIZE, max_batches=None):
    """Send due statements in batches; returns (sent, waiting). LRS errors never escape."""
    sent, failed = _drain(batch_size, max_batches)
    if not failed:
        cache.delete(KICK_KEY)  # statements committed from now on start a new task...
        more, failed = _drain(batch_size, max_batches)  # ...and those committed before are sent now
        sent += more
    return sent, backlog()


def _drain(batch_size, max_batches):
    """(sent, whether the LRS failed)."""
    sent = batches = 0
    while max_batches is None or batches < max_batches:
        batches += 1
        rows = list(pending().filter(next_attempt_at__lte=timezone.now()).order_by("created_at", "id")[:batch_size])
        if not rows:
            break
        try:
            status = lrs.post([row.payload for row in rows])
            if status in (400, 409):
                sent += _send_one_by_one(rows)
            else:
                _mark_sent(rows)
                sent += len(rows)
        except lrs.LrsUnavailable as exc:
            _postpone(rows, str(exc) or exc.__class__.__name__)
            logger.warning("xAPI sending failed, %d statements kept: %s", len(rows), exc)
            _retry_later()
            return sent, True
    return sent, False


def _retry_later():
    """With a backend that can defer tasks, the next try is scheduled for when the first statement is due."""
    due = pending().order_by("next_attempt_at").values_list("next_attempt_at", flat=True).first()
    if due is not None:
        transaction.on_commit(lambda: kick_worker(run_after=due))
