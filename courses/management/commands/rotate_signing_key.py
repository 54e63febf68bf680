"""`manage.py rotate_signing_key`: a new key signs certificates from now on; old ones keep verifying."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from courses.credentials import did, keys


class Command(BaseCommand):
    help = _(
        "Crea una clave nueva para firmar los certificados. Las claves anteriores siguen publicadas en "
        "/.well-known/did.json, así que las credenciales ya entregadas se siguen verificando."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--algorithm",
            choices=keys.ALGORITHMS,
            default="EdDSA",
            help=_("EdDSA (Ed25519, predeterminado) o ES256 (P-256)."),
        )
        parser.add_argument(
            "--output",
            metavar="RUTA",
            help=_(
                "Escribe la clave nueva en RUTA en vez de reemplazar ACERVO_SIGNING_KEY_FILE; firma en cuanto "
                "ACERVO_SIGNING_KEY_FILE apunte a ella. Sirve también para crear la primera clave de producción."
            ),
        )
        parser.add_argument(
            "--withdraw-previous",
            action="store_true",
            help=_("Retira la clave anterior del documento DID (si se filtró): lo que firmó deja de verificarse."),
        )

    def handle(self, *args, algorithm, output, withdraw_previous, **options):
        try:
            new, previous, path = keys.rotate(algorithm, output=output, withdraw_previous=withdraw_previous)
        except keys.SigningKeyError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            self.style.SUCCESS(
                _("Clave nueva %(kid)s (%(algorithm)s) escrita en %(path)s.")
                % {"kid": did.key_id(new.kid), "algorithm": new.algorithm, "path": path}
            )
        )
        if previous is not None:
            if withdraw_previous:
                self.stdout.write(_("La clave anterior %(kid)s se retiró del documento DID.") % {"kid": previous.kid})
            else:
                self.stdout.write(
                    _("La clave anterior %(kid)s sigue publicada: lo que firmó se sigue verificando.")
                    % {"kid": previous.kid}
                )
        if output:
            self.stdout.write(
                _("Defina ACERVO_SIGNING_KEY_FILE=%(path)s y reinicie el sitio para firmar con ella.") % {"path": path}
            )
