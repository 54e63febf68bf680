"""`manage.py media_check [--fix]`: stored objects with no record and records with no object."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from media import housekeeping


class Command(BaseCommand):
    help = _(
        "Compara el almacenamiento (disco o S3) con los registros: lista archivos sin registro y "
        "registros sin archivo. Con --fix borra los archivos huérfanos, las miniaturas perdidas y las "
        "subidas por partes abandonadas. Sale con código 1 si quedan problemas."
    )

    def add_arguments(self, parser):
        parser.add_argument("--fix", action="store_true", help=_("Corrige lo que se puede corregir."))
        parser.add_argument(
            "--grace-hours",
            type=float,
            default=24,
            help=_("No borra archivos más recientes que esto: pueden ser subidas en curso (24 por omisión)."),
        )

    def handle(self, *args, fix=False, grace_hours=24, **options):
        if grace_hours < 0:
            raise CommandError(_("--grace-hours no puede ser negativo."))
        grace = datetime.timedelta(hours=grace_hours)
        report = housekeeping.inspect()
        remaining = 0

        for storage, name, modified in report.orphans:
            if fix and housekeeping.is_old(modified, grace):
                housekeeping.delete_orphan(storage, name)
                self.stdout.write(_("Borrado (sin registro): %(name)s") % {"name": name})
            else:
                remaining += 1
                self.stdout.write(_("Archivo sin registro: %(name)s") % {"name": name})

        for missing in report.missing:
            if fix and missing.regenerable:
                # Deleting by query loads the whole row, which Wagtail's delete handlers need.
                type(missing.record).objects.filter(pk=missing.record.pk).delete()
                self.stdout.write(_("Miniatura perdida eliminada del registro: %(name)s") % {"name": missing.name})
            else:
                remaining += 1
                self.stdout.write(
                    _("Registro sin archivo (%(label)s #%(pk)s): %(name)s")
                    % {"label": missing.label, "pk": missing.record.pk, "name": missing.name}
                )

        for storage, key, upload_id, _initiated in housekeeping.abandoned_uploads(grace):
            if fix:
                housekeeping.abort_upload(storage, key, upload_id)
                self.stdout.write(_("Subida por partes abandonada cancelada: %(key)s") % {"key": key})
            else:
                remaining += 1
                self.stdout.write(_("Subida por partes abandonada: %(key)s") % {"key": key})

        if remaining:
            raise CommandError(_("Quedan %(count)s problemas de almacenamiento.") % {"count": remaining})
        self.stdout.write(self.style.SUCCESS(_("El almacenamiento y los registros coinciden.")))
