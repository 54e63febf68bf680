"""Reading a stored file in the background: page count, the text of every page, a page-1 cover.

Pages are streamed from PDFium into the database in small batches, so a 1,000-page book never
sits in memory; a book over the configured limits is refused with a clear reason instead.
"""

import io
import logging

from django.conf import settings
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.images import get_image_model
from wagtail.models import Collection

from .models import StoredFile, StoredFilePage
from .pdf import PdfProblem, check_limits, inspect_pdf, iter_page_texts, render_cover
from .stored_files import local_copy

logger = logging.getLogger(__name__)

PAGE_BATCH = 200
COVER_WIDTH = 600


def limits():
    """(max pages, max bytes) a book may have to be read; settings ACERVO_INGEST_MAX_*."""
    return settings.ACERVO_INGEST_MAX_PAGES, settings.ACERVO_INGEST_MAX_BYTES


def read_stored_file(stored):
    """Read one pending stored file; returns True when it is ready, False when it failed (reason kept)."""
    if not stored.is_pdf:
        # Video and audio carry no pages; their transcript comes from captions (oer/files).
        _finish(stored, StoredFile.ReadStatus.READY)
        return True
    try:
        with local_copy(stored) as copy:
            page_count = inspect_pdf(copy.name)
            check_limits(copy.name, page_count, *limits())
            with transaction.atomic():
                StoredFilePage.objects.filter(stored_file=stored).delete()
                _write_pages(stored, iter_page_texts(copy.name))
                stored.page_count = page_count
                stored.cover = _cover_image(stored, copy.name)
                _finish(stored, StoredFile.ReadStatus.READY)
        return True
    except PdfProblem as exc:
        reason = exc.message
    except OSError as exc:
        logger.warning("could not read stored file %s: %s", stored.pk, exc)
        reason = _("No se pudo leer el archivo guardado: %(error)s") % {"error": exc.strerror or exc}
    stored.refresh_from_db()  # drop what the rolled-back attempt set in memory
    _finish(stored, StoredFile.ReadStatus.FAILED, reason)
    return False


def _write_pages(stored, pages):
    batch = []
    for number, text in pages:
        batch.append(StoredFilePage(stored_file=stored, number=number, text=text))
        if len(batch) >= PAGE_BATCH:
            StoredFilePage.objects.bulk_create(batch)
            batch = []
    if batch:
        StoredFilePage.objects.bulk_create(batch)


def _cover_image(stored, path):
    Image = get_image_model()
    previous = stored.cover
    name = f"portada-{stored.sha256[:16]}.jpg"
    image = Image(
        title=_("Portada: %(name)s") % {"name": (stored.original_name or name)[:200]},
        file=ImageFile(io.BytesIO(render_cover(path, width=COVER_WIDTH)), name=name),
        collection=Collection.get_first_root_node(),
    )
    image.save()
    if previous is not None:
        transaction.on_commit(previous.delete)
    return image


def _finish(stored, status, reason=""):
    stored.read_status = status
    stored.read_error = reason
    stored.read_attempts += 1
    stored.read_at = timezone.now()
    stored.save(update_fields=["read_status", "read_error", "read_attempts", "read_at", "page_count", "cover"])
