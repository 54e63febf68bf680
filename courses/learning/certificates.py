"""Certificates: issuing one (with its revocation bit), finding it, linking to it, anonymising it."""

import secrets

from django.db import IntegrityError, transaction
from django.urls import reverse

from courses.credentials import status_list
from courses.models import Certificate

# Unambiguous letters and digits, easy to read off a printed certificate: 20 of them is ~100 bits.
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 20


def certificate_by_code(code):
    return Certificate.objects.filter(code=code).first()


def certificate_url(code):
    return reverse("certificate", kwargs={"code": code})


def certificate_link(code):
    """The certificate as the learner API and the dashboard show it: None until there is one."""
    return {"code": code, "url": certificate_url(code)} if code else None


def _new_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def create(user, course_plan, attempts=5):
    """The certificate row with its revocation bit; a bit taken at the same instant is picked again."""
    for attempt in range(attempts):
        try:
            with transaction.atomic():
                return Certificate.objects.create(
                    code=_new_code(),
                    user=user,
                    course_id=course_plan.course_id,
                    holder_name=user.get_full_name() or user.get_username(),
                    course_title=course_plan.title,
                    course_hours=course_plan.hours,
                    track_title=course_plan.track_title,
                    status_index=status_list.allocate_index(),
                )
        except IntegrityError:
            if attempt == attempts - 1:
                raise


def anonymise(user):
    """Certificates outlive the account as valid, but no longer name anyone."""
    Certificate.objects.filter(user=user).update(user=None, holder_name="")
