"""Background pack builds (django-tasks), drained by `db_worker`."""

from django_tasks import task


@task()
def refresh_offline_packs(grades):
    """Check each [level, grade] and rebuild its pack when the grade's content changed."""
    from .builds import refresh

    rebuilt = []
    for level, grade in grades:
        pack, changed = refresh(level, int(grade))
        if changed:
            rebuilt.append(str(pack))
    return {"checked": len(grades), "rebuilt": rebuilt}
