"""The public half of every key that has signed certificates, so the issuer's DID document keeps
listing it after a rotation and the credentials it signed keep verifying."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SigningKey(models.Model):
    """A verification key of the issuer; the private half lives only in ACERVO_SIGNING_KEY_FILE."""

    kid = models.CharField(max_length=64, unique=True, verbose_name=_("Identificador"))  # RFC 7638 thumbprint
    algorithm = models.CharField(max_length=10, verbose_name=_("Algoritmo"))
    public_jwk = models.JSONField(verbose_name=_("Clave pública (JWK)"))
    created_at = models.DateTimeField(auto_now_add=True)
    # Set when a key must stop being trusted (it leaked): it leaves the DID document.
    withdrawn_at = models.DateTimeField(null=True, blank=True, verbose_name=_("Retirada el"))

    class Meta:
        verbose_name = _("Clave de firma")
        verbose_name_plural = _("Claves de firma")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.kid
