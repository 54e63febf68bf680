"""Background sending of xAPI statements (django-tasks), drained by `db_worker`."""

from django_tasks import task

from courses.xapi import outbox


@task()
def send_statements():
    sent, waiting = outbox.send()
    return {"sent": sent, "waiting": waiting}
