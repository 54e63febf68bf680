"""Signed-in users read from the shared cache rather than the database on every request.

Each authenticated request loads its user to check the session, and a learner watching a video sends
a progress write every few seconds: that lookup was a large share of each write. Users stay in the
cache for USER_TTL seconds. Saving or deleting a user drops the entry at once and again after the
transaction commits (see `courses.signals`), so a new password, a deactivated or deleted account
takes effect on the next request; only bulk updates that skip signals wait for the TTL.
"""

from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache
from django.db import transaction

USER_TTL = 60


def _key(user_id):
    return f"auth:user:{user_id}"


class CachedUserBackend(ModelBackend):
    def get_user(self, user_id):
        key = _key(user_id)
        user = cache.get(key)
        if user is None:
            user = super().get_user(user_id)  # None for a missing or inactive account
            if user is None:
                return None
            cache.set(key, user, USER_TTL)
        return user if self.user_can_authenticate(user) else None


def forget(user_id):
    cache.delete(_key(user_id))
    transaction.on_commit(lambda: cache.delete(_key(user_id)))
