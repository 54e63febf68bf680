"""`manage.py ingest_files [--retry-failed]`: every pending download and file reading, now."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from oer.files.ingest import run_pending
from oer.progress import progress_bar


class Command(BaseCommand):
    help = _(
        "Hace ahora todo el trabajo pendiente con archivos y termina: descarga los file_url en cola, "
        "lee cada PDF guardado (texto de cada página, número de páginas y portada) y pasa los "
        "subtítulos a transcripción, y calcula los vectores semánticos que falten. Lo mismo que hace el "
        "trabajador en segundo plano."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--retry-failed",
            action="store_true",
            help=_("Reintenta ya las descargas y lecturas que fallaron, sin esperar su próximo intento."),
        )
        parser.add_argument("--no-progress", action="store_true", help=_("No mostrar la barra de progreso."))

    def handle(self, *args, retry_failed, no_progress, **options):
        report = run_pending(retry=retry_failed, progress=progress_bar(self.stderr, disabled=no_progress))
        # What was read is searchable when the command ends, worker or not, with the vectors of its
        # pages (semantic search); failures stay queued.
        from search.embeddings.compute import compute_missing
        from search.indexing import drain

        vectors = compute_missing()
        drain()
        self.stdout.write(
            _(
                "Descargados: %(fetched)d; descargas fallidas: %(fetch_failed)d; archivos leídos: %(read)d; "
                "lecturas fallidas: %(read_failed)d; transcripciones: %(transcripts)d; "
                "vectores calculados: %(vectors)d."
            )
            % {
                "fetched": report.fetched,
                "fetch_failed": report.fetch_failed,
                "read": report.read,
                "read_failed": report.read_failed,
                "transcripts": report.transcripts,
                "vectors": vectors,
            }
        )
        for line in report.problems:
            self.stderr.write(line)
        if report.fetch_failed or report.read_failed:
            raise CommandError(
                _("%(n)d archivo(s) con problemas; se ven en el administrador (Informes → Archivos).")
                % {"n": report.fetch_failed + report.read_failed},
                returncode=1,
            )
