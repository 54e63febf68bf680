"""Starting, re-sending and finishing a verification: a pending row per account, a mail with the link."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from accounts.models import PendingEmailVerification

from . import tokens

RESEND_INTERVAL = timedelta(minutes=1)


def is_pending(user):
    return PendingEmailVerification.objects.filter(user=user).exists()


def start(user):
    """Marks a new account as unverified and mails its link; raises if the mail cannot be sent.

    Call inside the transaction that creates the account, so a mail failure leaves no account behind.
    """
    PendingEmailVerification.objects.create(user=user)
    send(user)


def send(user):
    context = {
        "user": user,
        "link": settings.ACERVO_BASE_URL + reverse("email-verification-confirm", args=[tokens.make(user)]),
        "days": settings.ACERVO_EMAIL_VERIFICATION_DAYS,
    }
    subject = render_to_string("accounts/email_verification/subject.txt", context).strip()
    body = render_to_string("accounts/email_verification/body.txt", context)
    send_mail(subject, body, None, [user.email])
    PendingEmailVerification.objects.filter(user=user).update(last_sent_at=timezone.now())


def resend(email):
    """Mails the link again to an unverified account with this address, at most once a minute; silent otherwise."""
    with transaction.atomic():
        pending = (
            PendingEmailVerification.objects.select_for_update()
            .select_related("user")
            .filter(user__email__iexact=email.strip())
            .first()
        )
        if pending is None:
            return
        if pending.last_sent_at and timezone.now() - pending.last_sent_at < RESEND_INTERVAL:
            return
        send(pending.user)


def confirm(token):
    """Verifies the account the token names; False for a forged, expired or outdated link."""
    try:
        user_id, email = tokens.read(token)
    except signing.BadSignature:
        return False
    pending = PendingEmailVerification.objects.filter(user_id=user_id).select_related("user").first()
    if pending is None:
        # Already verified: the link still confirms, it just has nothing left to do.
        return get_user_model().objects.filter(pk=user_id, email__iexact=email).exists()
    if pending.user.email.lower() != email.lower():
        return False
    pending.delete()
    return True
