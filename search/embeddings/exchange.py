"""Vectors between Acervo instances: what a node export carries of a record, and what a node accepts of it.

A node keeps an offered vector only when it is of the model this node runs, holds DIMENSIONS
finite numbers, and its digest is that of the text the node itself builds for that part, so a
text that differs here is embedded here. Pages of a book the node has not read yet are kept as
offered: the digest decides once the book is read (texts.digest of the page's text).
"""

import base64
import binascii
import re

from search.records import embedding_texts

from . import store
from .encoder import MODEL_NAME, semantic_search_enabled
from .texts import digest

DIGEST = re.compile(r"^[0-9a-f]{64}$")


def exported(page_ids):
    """{page_id: [{"model", "part", "digest", "vector": base64 of the float16 bytes}, …]} for node exports."""
    return {
        page_id: [
            {"model": MODEL_NAME, "part": part, "digest": text_digest, "vector": base64.b64encode(data).decode()}
            for part, text_digest, data in rows
        ]
        for page_id, rows in store.rows_of(page_ids).items()
    }


def accept(page, offered):
    """Store the acceptable vectors of `offered` (a node export's list) for a specific page; returns how many.

    Anything malformed is skipped, never raised: the job then computes those parts here.
    """
    if not semantic_search_enabled() or not isinstance(offered, list):
        return 0
    own = {part: digest(text) for part, text in embedding_texts(page).items()}
    book_read = len(own) > 1
    rows = {}
    for item in offered:
        part, text_digest, vector = _parsed(item)
        if vector is None:
            continue
        if part in own:
            if own[part] != text_digest:
                continue
        elif book_read or part == 0:
            continue  # a page this book does not have
        rows[part] = (page.pk, part, text_digest, store.to_bytes(vector))
    return store.upsert(rows.values())


def _parsed(item):
    """(part, digest, float32 vector) of one offered entry, or (None, None, None) when it is not a valid one."""
    nothing = None, None, None
    if not isinstance(item, dict) or item.get("model") != MODEL_NAME:
        return nothing
    part, text_digest, encoded = item.get("part"), item.get("digest"), item.get("vector")
    if type(part) is not int or part < 0 or not isinstance(text_digest, str) or not DIGEST.match(text_digest):
        return nothing
    if not isinstance(encoded, str) or len(encoded) > 2 * store.VECTOR_BYTES:
        return nothing
    try:
        data = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        return nothing
    vector = store.from_bytes(data)
    return (part, text_digest, vector) if vector is not None else nothing
