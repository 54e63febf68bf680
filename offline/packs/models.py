"""The pack of each grade kept in storage for download, with the fingerprint of what it holds."""

from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _


class OfflinePack(models.Model):
    """One grade's offline pack; rebuilt only when the fingerprint of the grade's content changes.

    While a new build runs, the previous file (if any) stays downloadable: `file` always names a
    complete pack, and `fingerprint` the content that pack was built from.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Pendiente")
        READY = "ready", _("Listo")
        FAILED = "failed", _("Falló")

    level = models.CharField(max_length=30, verbose_name=_("Nivel"))
    grade = models.PositiveSmallIntegerField(verbose_name=_("Grado"))
    fingerprint = models.CharField(max_length=64, blank=True, verbose_name=_("Huella del contenido"))
    file = models.FileField(max_length=500, blank=True, verbose_name=_("Archivo"))
    size_bytes = models.PositiveBigIntegerField(null=True, blank=True, verbose_name=_("Tamaño (bytes)"))
    sha256 = models.CharField(max_length=64, blank=True, verbose_name=_("SHA-256"))
    built_at = models.DateTimeField(null=True, blank=True, verbose_name=_("Construido el"))
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True, verbose_name=_("Estado")
    )
    error = models.TextField(blank=True, verbose_name=_("Error"))

    class Meta:
        verbose_name = _("Paquete sin conexión")
        verbose_name_plural = _("Paquetes sin conexión")
        constraints = [models.UniqueConstraint(fields=["level", "grade"], name="offline_pack_level_grade")]
        ordering = ["level", "grade"]

    def __str__(self):
        return f"{self.level}-{self.grade}"

    @property
    def is_downloadable(self):
        return bool(self.file and self.size_bytes)

    @property
    def size_label(self):
        return filesizeformat(self.size_bytes or 0)

    @property
    def download_name(self):
        return f"{self.level}-{self.grade}.zip"
