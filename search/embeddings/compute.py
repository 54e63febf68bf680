"""Computing the vectors searchable records lack: which parts are missing or stale, embedding them, storing them.

Pending work is never queued anywhere: a part is pending when no stored vector of the current
model has the digest of its current text. A run that stops half-way leaves the rows it wrote;
the next run finds the rest the same way.
"""

import logging

from django.db import transaction

from search import indexing
from search.records import embedding_texts

from . import store
from .encoder import encode_passages, semantic_search_enabled
from .texts import METADATA_PART, digest

logger = logging.getLogger(__name__)

# Passages embedded and written per transaction: a whole record always goes in one write, so
# each record is queued for reindexing once, with all its vectors.
PASSAGES_PER_WRITE = 256


def pending_parts(pks=None):
    """(pk, {part: text} to embed, [parts no longer there]) of each searchable record not fully embedded."""
    pks = indexing.searchable_pks() if pks is None else list(pks)
    for start in range(0, len(pks), indexing.RECORD_CHUNK):
        chunk = pks[start : start + indexing.RECORD_CHUNK]
        stored = {}
        for (pk, part), value in store.stored_digests(chunk).items():
            stored.setdefault(pk, {})[part] = value
        for page in indexing.searchable_pages(chunk):
            texts = embedding_texts(page)
            held = stored.get(page.pk, {})
            missing = {part: text for part, text in texts.items() if held.get(part) != digest(text)}
            # Pages of a book not read (yet) here are kept: a node may hold them from its source.
            gone = sorted(set(held) - set(texts)) if len(texts) > 1 else []
            if missing or gone:
                yield page.pk, missing, gone


def pending_counts():
    """(records, pages) still without the vector of their current text; (0, 0) when semantic search is off."""
    if not semantic_search_enabled():
        return 0, 0
    records = pages = 0
    for _pk, missing, _gone in pending_parts():
        if missing:
            records += 1
            pages += len(missing) - (METADATA_PART in missing)
    return records, pages


def compute_missing(pks=None):
    """Embed and store every missing or stale part; returns how many vectors were written.

    Each write queues its records for reindexing, so the engines receive them with their vectors.
    Nothing is computed when semantic search is off or the encoder cannot load.
    """
    if not semantic_search_enabled():
        return 0
    written = 0
    batch = []
    for pk, missing, gone in pending_parts(pks):
        if gone:
            store.delete_parts(pk, gone)
        batch.extend((pk, part, text) for part, text in missing.items())
        if len(batch) >= PASSAGES_PER_WRITE:
            count = _embed_and_write(batch)
            if count is None:
                return written
            written += count
            batch = []
    if batch:
        written += _embed_and_write(batch) or 0
    return written


def _embed_and_write(batch):
    """Store the batch's vectors and queue its records for reindexing in one transaction; None without an encoder."""
    vectors = encode_passages([text for _pk, _part, text in batch])
    if vectors is None:
        logger.warning("the sentence encoder is unavailable; %d passages stay without vectors", len(batch))
        return None
    with transaction.atomic():
        store.upsert(
            (pk, part, digest(text), store.to_bytes(vector))
            for (pk, part, text), vector in zip(batch, vectors, strict=True)
        )
        indexing.enqueue(sorted({pk for pk, _part, _text in batch}))
    return len(batch)
