"""Asking for pack checks: after a publication, and when a grade page finds no pack yet."""

import logging

from django.db import transaction

from .models import OfflinePack

logger = logging.getLogger(__name__)


def check_later(grades):
    """Queue a check of these (level, grade) pairs once the current transaction commits."""
    grades = sorted({(level, int(grade)) for level, grade in grades})
    if not grades:
        return

    def enqueue():
        from .tasks import refresh_offline_packs

        try:
            refresh_offline_packs.enqueue([list(pair) for pair in grades])
        except Exception:  # a publication never fails for a pack; the next check picks it up
            logger.exception("could not enqueue the offline pack check")

    transaction.on_commit(enqueue)


def known_grades():
    """Grades that have a pack (asked for once): only these are kept up to date."""
    return set(OfflinePack.objects.values_list("level", "grade"))


def pack_for_grade_page(level, grade):
    """The grade's pack for its public page; the first visit creates it and queues the build."""
    pack, created = OfflinePack.objects.get_or_create(level=level, grade=grade)
    if created:
        check_later([(level, grade)])
    return pack
