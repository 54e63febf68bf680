"""Dense vectors of search records: the encoder (a model shipped in a pinned package), their storage and computation.

`encode_query` and `encode_passages` are what the backends and the background job call; vectors are
L2-normalised float32, so a dot product is their cosine similarity.
"""

from .encoder import DIMENSIONS, MODEL_NAME, encode_passages, encode_query, semantic_search_enabled

__all__ = ["DIMENSIONS", "MODEL_NAME", "encode_passages", "encode_query", "semantic_search_enabled"]
