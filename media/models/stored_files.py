"""Files Acervo holds, once per content (sha256), with what was read from them."""

from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _


class StoredFile(models.Model):
    """Bytes kept in the default storage under a content-addressed key.

    The same bytes are stored once whoever uploads or imports them; what is read from the file
    (page count, page text, cover) belongs to the bytes, so it is read once too.
    """

    class ReadStatus(models.TextChoices):
        PENDING = "pending", _("Pendiente")
        READY = "ready", _("Leído")
        FAILED = "failed", _("Falló")

    sha256 = models.CharField(max_length=64, unique=True, verbose_name=_("SHA-256"))
    file = models.FileField(max_length=500, verbose_name=_("Archivo"))
    size_bytes = models.PositiveBigIntegerField(verbose_name=_("Tamaño (bytes)"))
    mime_type = models.CharField(max_length=100, verbose_name=_("Tipo MIME"))
    original_name = models.CharField(max_length=255, blank=True, verbose_name=_("Nombre original"))
    page_count = models.PositiveIntegerField(null=True, blank=True, verbose_name=_("Páginas"))
    cover = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Portada"),
    )
    read_status = models.CharField(
        max_length=10,
        choices=ReadStatus.choices,
        default=ReadStatus.PENDING,
        db_index=True,
        verbose_name=_("Lectura"),
    )
    read_error = models.TextField(blank=True, verbose_name=_("Error de lectura"))
    read_attempts = models.PositiveIntegerField(default=0, verbose_name=_("Intentos de lectura"))
    read_at = models.DateTimeField(null=True, blank=True, verbose_name=_("Leído el"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("Guardado el"))

    class Meta:
        verbose_name = _("Archivo guardado")
        verbose_name_plural = _("Archivos guardados")
        ordering = ["-created_at"]

    def __str__(self):
        return self.original_name or self.file.name

    @property
    def is_pdf(self):
        return self.mime_type == "application/pdf"

    @property
    def size_label(self):
        return filesizeformat(self.size_bytes)

    @property
    def url(self):
        return self.file.url if self.file else ""


class StoredFilePage(models.Model):
    """The text of one page of a stored PDF, as extracted in the background."""

    stored_file = models.ForeignKey(StoredFile, on_delete=models.CASCADE, related_name="pages")
    number = models.PositiveIntegerField(verbose_name=_("Página"))
    text = models.TextField(blank=True, verbose_name=_("Texto"))

    class Meta:
        verbose_name = _("Página de archivo")
        verbose_name_plural = _("Páginas de archivo")
        constraints = [models.UniqueConstraint(fields=["stored_file", "number"], name="stored_file_page_unique")]
        ordering = ["stored_file", "number"]

    def __str__(self):
        return f"{self.stored_file_id} p. {self.number}"
