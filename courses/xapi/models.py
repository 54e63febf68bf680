"""The xAPI outbox: one row per statement, written in the same transaction as the learning event."""

import uuid

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class XapiStatement(models.Model):
    """A statement for the Learning Record Store; kept after sending, so the same event is never queued twice."""

    # The statement's own id, stable for an event (see courses.xapi.statements).
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # The actor's opaque account name, so an account's statements can be dropped when it is deleted.
    account = models.CharField(max_length=64, db_index=True, verbose_name=_("Cuenta (identificador opaco)"))
    verb = models.CharField(max_length=20, verbose_name=_("Verbo"))
    payload = models.JSONField(verbose_name=_("Declaración"))
    created_at = models.DateTimeField(default=timezone.now, verbose_name=_("Creada"))
    attempts = models.PositiveIntegerField(default=0, verbose_name=_("Intentos"))
    next_attempt_at = models.DateTimeField(default=timezone.now, verbose_name=_("Próximo intento"))
    sent_at = models.DateTimeField(null=True, blank=True, verbose_name=_("Enviada"))
    last_error = models.TextField(blank=True, verbose_name=_("Último error"))

    class Meta:
        verbose_name = _("Declaración xAPI")
        verbose_name_plural = _("Declaraciones xAPI")
        indexes = [
            models.Index(
                fields=["next_attempt_at", "created_at"], condition=Q(sent_at__isnull=True), name="courses_xapi_pending"
            )
        ]

    def __str__(self):
        return f"{self.verb} {self.id}"
