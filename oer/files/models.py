"""Downloads of catalogue `file_url`s into storage, kept as durable jobs that retry with back-off."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class FileFetch(models.Model):
    """A resource whose `file_url` must be copied into storage by the background worker.

    A failed download keeps the resource as it is (metadata only) and waits for its next attempt;
    after MAX_ATTEMPTS it stops retrying until an operator asks (`ingest_files --retry-failed`).
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Pendiente")
        FAILED = "failed", _("Falló")
        DONE = "done", _("Descargado")

    resource = models.OneToOneField(
        "oer.ResourcePage", on_delete=models.CASCADE, related_name="file_fetch", verbose_name=_("Recurso")
    )
    url = models.URLField(max_length=500, verbose_name=_("URL"))
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True, verbose_name=_("Estado")
    )
    attempts = models.PositiveIntegerField(default=0, verbose_name=_("Intentos"))
    next_attempt_at = models.DateTimeField(default=timezone.now, db_index=True, verbose_name=_("Próximo intento"))
    last_error = models.TextField(blank=True, verbose_name=_("Último error"))
    created_at = models.DateTimeField(default=timezone.now, verbose_name=_("Creada"))
    finished_at = models.DateTimeField(null=True, blank=True, verbose_name=_("Terminada"))

    class Meta:
        verbose_name = _("Descarga de archivo")
        verbose_name_plural = _("Descargas de archivos")
        ordering = ["id"]

    def __str__(self):
        return self.url
