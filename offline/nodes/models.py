"""What a node remembers of each source it mirrors: harvest position, runs and mirrored course pages."""

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _


class SyncSource(models.Model):
    """One source Acervo (and level) this node mirrors, with where its harvest stands."""

    url = models.URLField(max_length=500, verbose_name=_("Dirección"))
    level = models.CharField(max_length=30, blank=True, verbose_name=_("Nivel"))
    # `from` of the next harvest: the source's responseDate when the last complete harvest began.
    last_datestamp = models.CharField(max_length=20, blank=True, verbose_name=_("Última fecha cosechada"))
    # Set while a harvest is under way; a killed run goes on from here.
    resumption_token = models.TextField(blank=True)
    harvest_started = models.CharField(max_length=20, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Fuente de sincronización")
        verbose_name_plural = _("Fuentes de sincronización")
        constraints = [models.UniqueConstraint(fields=["url", "level"], name="offline_nodes_unique_source")]

    def __str__(self):
        return f"{self.url} ({self.level})" if self.level else self.url

    @cached_property
    def last_run(self):
        return self.runs.order_by("-started").first()


class SyncRun(models.Model):
    class Status(models.TextChoices):
        RUNNING = "running", _("En curso")
        OK = "ok", _("Correcta")
        FAILED = "failed", _("Fallida")

    source = models.ForeignKey(SyncSource, on_delete=models.CASCADE, related_name="runs")
    started = models.DateTimeField(auto_now_add=True, verbose_name=_("Inicio"))
    finished = models.DateTimeField(null=True, blank=True, verbose_name=_("Fin"))
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.RUNNING, verbose_name=_("Estado"))
    counts = models.JSONField(default=dict, verbose_name=_("Cifras"))
    error = models.TextField(blank=True, verbose_name=_("Error"))

    class Meta:
        verbose_name = _("Sincronización")
        verbose_name_plural = _("Sincronizaciones")
        ordering = ["-started"]


class MirroredPage(models.Model):
    """A local course page (track, course, module or lesson) and the source page it mirrors."""

    source_url = models.URLField(max_length=500)
    remote_id = models.PositiveIntegerField()
    page = models.OneToOneField("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    remote_stamp = models.CharField(max_length=40, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source_url", "remote_id"], name="offline_nodes_unique_mirrored_page")
        ]
