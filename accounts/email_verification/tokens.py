"""The signed, timestamped token in the confirmation link: the account and the address it was sent to."""

from datetime import timedelta

from django.conf import settings
from django.core import signing

SALT = "accounts.email-verification"


def make(user):
    return signing.dumps({"user": user.pk, "email": user.email}, salt=SALT, compress=True)


def read(token):
    """The (user id, address) the token was made for; raises signing.BadSignature if forged or too old."""
    max_age = timedelta(days=settings.ACERVO_EMAIL_VERIFICATION_DAYS)
    data = signing.loads(token, salt=SALT, max_age=max_age)
    return data["user"], data["email"]
