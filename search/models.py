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


class Embedding(models.Model):
    """The dense vector of one passage of a search record: its metadata (part 0) or one page of its book (part N).

    `digest` is the sha256 of the exact text embedded, so a vector whose text has since changed is
    known stale without re-embedding anything; what is still to compute is always derivable from
    the database (texts without a vector of equal digest), never kept in a queue that could be lost.
    """

    METADATA = 0

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("Página"))
    part = models.PositiveIntegerField(verbose_name=_("Parte"))  # 0 the metadata, N the book's page N
    model = models.CharField(max_length=64, verbose_name=_("Modelo"))
    digest = models.CharField(max_length=64, verbose_name=_("Huella del texto"))
    # float16, little-endian: 1 KB for 512 dimensions. Unit vectors' components are around
    # 1/sqrt(512) ≈ 0.044, where float16 keeps 11 significant bits (relative error under 0.05 %),
    # so cosines move by about 1e-4, far below the gaps that order search results; half the size
    # of float32 in the database, the node exports and the engines' memory.
    vector = models.BinaryField(verbose_name=_("Vector"))

    class Meta:
        verbose_name = _("Vector semántico")
        verbose_name_plural = _("Vectores semánticos")
        constraints = [models.UniqueConstraint(fields=["page", "part", "model"], name="search_embedding_unique_part")]

    def __str__(self):
        return f"{self.page_id}:{self.part} ({self.model})"
