"""Deployment check: a production site must sign certificates with a key it was given."""

from django.conf import settings
from django.core import checks
from django.utils.translation import gettext as _

from . import keys


@checks.register(checks.Tags.security, deploy=True)
def signing_key_is_configured(app_configs=None, **kwargs):
    hint = _(
        "Cree una con `python manage.py rotate_signing_key --output RUTA` y defina ACERVO_SIGNING_KEY_FILE=RUTA "
        "(véase docs/certificados.md)."
    )
    if not settings.ACERVO_SIGNING_KEY_FILE:
        return [
            checks.Error(
                _("ACERVO_SIGNING_KEY_FILE no está definida: los certificados no se podrían firmar."),
                hint=hint,
                id="courses.E001",
            )
        ]
    try:
        path = keys.key_path()
        keys.parse_pem(path.read_bytes(), str(path))
    except OSError as exc:
        return [
            checks.Error(
                _("No se puede leer la clave de firma %(path)s: %(error)s")
                % {"path": settings.ACERVO_SIGNING_KEY_FILE, "error": exc.strerror or exc},
                hint=hint,
                id="courses.E002",
            )
        ]
    except keys.SigningKeyError as exc:
        return [checks.Error(str(exc), hint=hint, id="courses.E003")]
    return []
