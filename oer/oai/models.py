"""The OAI-PMH record table: one row per external id ever published, live or deleted."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OaiRecord(models.Model):
    """What a harvester sees of a resource: its datestamp, sets and whether it was withdrawn.

    Rows outlive their pages so unpublished or deleted resources keep being reported as deleted
    (deletedRecord "persistent").
    """

    external_id = models.CharField(max_length=200, unique=True, verbose_name=_("Identificador externo"))
    page_id = models.IntegerField(null=True, blank=True, db_index=True, verbose_name=_("Página"))
    datestamp = models.DateTimeField(verbose_name=_("Fecha de cambio"))
    deleted = models.BooleanField(default=False, verbose_name=_("Retirado"))
    sets = models.JSONField(default=list, blank=True, verbose_name=_("Conjuntos"))

    class Meta:
        app_label = "oer"
        verbose_name = _("Registro OAI-PMH")
        verbose_name_plural = _("Registros OAI-PMH")
        ordering = ["datestamp", "external_id"]
        indexes = [models.Index(fields=["datestamp", "external_id"], name="oer_oai_datestamp_idx")]

    def __str__(self):
        return self.external_id
