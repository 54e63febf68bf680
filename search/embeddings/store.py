"""Stored vectors (search.models.Embedding): float16 bytes in and out, upserts by part, digest checks."""

import numpy as np

from search.models import Embedding

from .encoder import DIMENSIONS, MODEL_NAME

DTYPE = np.dtype("<f2")  # float16, little-endian: the same bytes on every machine and in node exports
VECTOR_BYTES = DIMENSIONS * DTYPE.itemsize
WRITE_BATCH = 500


def to_bytes(vector):
    return np.asarray(vector, dtype=np.float32).astype(DTYPE).tobytes()


def from_bytes(data):
    """The float32 unit vector these bytes hold, or None unless they are DIMENSIONS finite, not all-zero numbers."""
    data = bytes(data)
    if len(data) != VECTOR_BYTES:
        return None
    vector = np.frombuffer(data, dtype=DTYPE).astype(np.float32)
    norm = float(np.linalg.norm(vector)) if np.isfinite(vector).all() else 0.0
    if not np.isfinite(norm) or norm == 0.0:
        return None
    # float16 rounding leaves the norm a hair off 1; dot products stay cosines.
    return vector / norm


def upsert(rows):
    """Write (page_id, part, digest, bytes) rows of the current model, replacing the vector a part had."""
    objects = [
        Embedding(page_id=page_id, part=part, model=MODEL_NAME, digest=digest, vector=data)
        for page_id, part, digest, data in rows
    ]
    Embedding.objects.bulk_create(
        objects,
        batch_size=WRITE_BATCH,
        update_conflicts=True,
        unique_fields=["page", "part", "model"],
        update_fields=["digest", "vector"],
    )
    return len(objects)


def current_vectors(page_id, digests):
    """{part: float32 vector} of one record whose stored digest equals `digests[part]`; one query."""
    rows = Embedding.objects.filter(page_id=page_id, model=MODEL_NAME).values_list("part", "digest", "vector")
    found = {}
    for part, digest, data in rows:
        if digests.get(part) == digest:
            vector = from_bytes(data)
            if vector is not None:
                found[part] = vector
    return found


def stored_digests(page_ids):
    """{(page_id, part): digest} of the current model's vectors of these records (no vector bytes read)."""
    rows = Embedding.objects.filter(page_id__in=list(page_ids), model=MODEL_NAME).values_list(
        "page_id", "part", "digest"
    )
    return {(page_id, part): digest for page_id, part, digest in rows}


def delete_parts(page_id, parts):
    """Forget vectors of parts a record no longer has (a book read again with fewer pages)."""
    return Embedding.objects.filter(page_id=page_id, part__in=list(parts)).delete()[0]


def rows_of(page_ids):
    """{page_id: [(part, digest, bytes), …]} of the current model, in part order (node exports)."""
    rows = (
        Embedding.objects.filter(page_id__in=list(page_ids), model=MODEL_NAME)
        .order_by("page_id", "part")
        .values_list("page_id", "part", "digest", "vector")
    )
    found = {}
    for page_id, part, digest, data in rows:
        found.setdefault(page_id, []).append((part, digest, bytes(data)))
    return found
