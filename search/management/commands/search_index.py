"""`manage.py search_index rebuild|update|status`: maintain the search index."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from search import indexing
from search.backends import get_backend
from search.backends.base import RebuildRefused, SearchUnavailable
from search.embeddings import semantic_search_enabled
from search.embeddings.compute import pending_counts
from search.embeddings.jobs import kick_embeddings


class Command(BaseCommand):
    help = _(
        "Mantiene el índice de búsqueda: «rebuild» crea un índice nuevo y lo cambia sin cortes, "
        "«update» aplica la cola pendiente, «status» muestra los conteos. «rebuild» y «update» también "
        "encargan al trabajador en segundo plano los vectores semánticos que falten."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "update", "status"])

    def handle(self, *args, action, **options):
        getattr(self, f"do_{action}")()

    def do_rebuild(self):
        backend = get_backend()
        self.stdout.write(_("Reconstruyendo el índice (%(engine)s)…") % {"engine": backend.name})
        try:
            written = indexing.rebuild(backend)
        except RebuildRefused as exc:
            raise CommandError(
                _("El índice nuevo no coincide con la base de datos (%(detail)s); se conserva el anterior.")
                % {"detail": exc}
            )
        except SearchUnavailable as exc:
            raise CommandError(_("No se pudo reconstruir el índice: %(error)s") % {"error": exc})
        self.stdout.write(self.style.SUCCESS(_("Índice reconstruido con %(n)d recursos y cursos.") % {"n": written}))
        self.request_vectors()

    def do_update(self):
        pending = indexing.backlog()
        indexing.retry_now()
        applied, failed = indexing.drain()
        self.stdout.write(
            _("Aplicadas %(applied)d de %(pending)d entradas pendientes.") % {"applied": applied, "pending": pending}
        )
        # With the engine down, vectors wait too: their reindexing would only lengthen the queue.
        if not failed and self.request_vectors():
            indexing.drain()  # what a job run right here (immediate task backend) queued with its vectors
        if failed:
            raise CommandError(
                _("%(n)d entradas siguen en la cola: el motor de búsqueda no respondió.") % {"n": failed}
            )

    def do_status(self):
        backend = get_backend()
        resources, courses = indexing.searchable_counts()
        try:
            index_count = str(backend.count())
        except SearchUnavailable as exc:
            index_count = _("no disponible (%(error)s)") % {"error": str(exc)[:200]}
        self.stdout.write(_("Motor: %(engine)s") % {"engine": backend.name})
        self.stdout.write(_("Recursos publicados en la base de datos: %(n)d") % {"n": resources})
        self.stdout.write(_("Cursos publicados en la base de datos: %(n)d") % {"n": courses})
        self.stdout.write(_("Documentos en el índice: %(n)s") % {"n": index_count})
        self.stdout.write(_("Cola pendiente: %(n)d") % {"n": indexing.backlog()})
        if not semantic_search_enabled():
            self.stdout.write(_("Búsqueda semántica: desactivada (ACERVO_SEMANTIC_SEARCH)"))
            return
        records, pages = pending_counts()
        self.stdout.write(
            _("Vectores pendientes: %(records)d registros, %(pages)d páginas") % {"records": records, "pages": pages}
        )

    def request_vectors(self):
        """What lacks vectors is embedded by the worker (with the immediate task backend, right now)."""
        queued = kick_embeddings()
        if queued:
            self.stdout.write(_("Se encargaron al trabajador en segundo plano los vectores semánticos que falten."))
        return queued
