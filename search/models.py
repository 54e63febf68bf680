"""The durable indexing queue: one row per pending change, written with the change itself."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class IndexQueueEntry(models.Model):
    """A page whose search entry must be (re)written or removed; drained in bulk, retried."""

    INDEX = "index"
    DELETE = "delete"
    ACTIONS = [(INDEX, _("Indexar")), (DELETE, _("Eliminar"))]

    # No foreign key: the page may already be gone when its deletion is drained.
    page_id = models.BigIntegerField(db_index=True, verbose_name=_("Página"))
    action = models.CharField(max_length=10, choices=ACTIONS, verbose_name=_("Acción"))
    created_at = models.DateTimeField(default=timezone.now, verbose_name=_("Creada"))
    attempts = models.PositiveIntegerField(default=0, verbose_name=_("Intentos"))
    next_attempt_at = models.DateTimeField(default=timezone.now, db_index=True, verbose_name=_("Próximo intento"))
    last_error = models.TextField(blank=True, verbose_name=_("Último error"))

    class Meta:
        verbose_name = _("Entrada de la cola de indexación")
        verbose_name_plural = _("Cola de indexación")
        ordering = ["id"]

    def __str__(self):
        return f"{self.action} {self.page_id}"


class SearchQueryLog(models.Model):
    """How often one normalised query was searched on one day, and how often it found nothing.

    Aggregates only: no user, address, session or time of day is ever stored (docs/informe-busquedas.md).
    """

    MAX_QUERY_CHARS = 200

    query = models.CharField(max_length=MAX_QUERY_CHARS, verbose_name=_("Búsqueda"))
    day = models.DateField(verbose_name=_("Día"))
    searches = models.PositiveIntegerField(default=0, verbose_name=_("Búsquedas"))
    zero_results = models.PositiveIntegerField(default=0, verbose_name=_("Sin resultados"))

    class Meta:
        verbose_name = _("Registro de búsquedas")
        verbose_name_plural = _("Registro de búsquedas")
        constraints = [models.UniqueConstraint(fields=["query", "day"], name="search_query_log_one_row_per_day")]
        indexes = [models.Index(fields=["day"], name="search_query_log_day")]

    def __str__(self):
        return f"{self.day} {self.query}"
