"""Wrong codes count as failed log-ins for django-axes: the same 10 in 15 minutes lock the username."""

from axes.handlers.proxy import AxesProxyHandler
from django.contrib.auth import logout
from django.contrib.auth.signals import user_login_failed


def _credentials(user):
    return {"username": user.get_username()}


def is_locked(request):
    return AxesProxyHandler.is_locked(request, _credentials(request.user))


def count_failure(request):
    """Records a wrong code; True when that failure locked the account (the session is then closed)."""
    user = request.user
    user_login_failed.send(sender=__name__, credentials=_credentials(user), request=request)
    if getattr(request, "axes_locked_out", False) or is_locked(request):
        logout(request)
        return True
    return False
