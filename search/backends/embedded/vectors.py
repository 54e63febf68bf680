"""The embedded engine's dense vectors: segment files beside the Tantivy index, and exact nearest-neighbour search.

Tantivy has no vector search, so each index generation keeps `vectors/seg-*.npz` files: every
write adds one segment holding the vectors of the records it wrote and naming every record it
replaced or deleted, so a newer segment hides what older ones say of those records. Segments
are merged when they pile up. Search is exact (a matrix product over every vector): at 80,000
vectors of 512 numbers that is a few milliseconds, with no recall lost to an approximate index.
Files are written under the index's writer lock and replaced atomically; readers reload when
the list of segment files changes.
"""

import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

# Merge once a generation holds this many segments (each search lists them).
MAX_SEGMENTS = 12
# Records per segment while a rebuild streams everything in.
REBUILD_SEGMENT = 2000
METADATA = 0  # the part number of a record's own vector; book pages are 1, 2, …


@dataclass
class Neighbour:
    """A record near the query: its best similarity, and its pages' similarities, best first."""

    key: str
    similarity: float
    pages: list  # [(page number, similarity)], best first


class _Loaded:
    """Every live vector of a generation as float32 matrices (rows L2-normalised)."""

    def __init__(self, keys, parts, vectors):
        meta = parts == METADATA
        self.meta_keys, self.meta = keys[meta], np.ascontiguousarray(vectors[meta], dtype=np.float32)
        self.page_keys, self.page_parts = keys[~meta], parts[~meta]
        self.pages = np.ascontiguousarray(vectors[~meta], dtype=np.float32)

    @property
    def size(self):
        return len(self.meta_keys) + len(self.page_keys)


def _read(path):
    with np.load(path, allow_pickle=False) as data:
        return data["keys"], data["parts"], data["vectors"], data["covers"]


class VectorSegments:
    def __init__(self, generation_path):
        self.root = Path(generation_path) / "vectors"
        self._loaded = (None, None)
        self._lock = threading.Lock()

    # -- writing (callers hold the index's writer lock) ------------------------------------
    def _segments(self):
        try:
            return sorted(name for name in os.listdir(self.root) if name.startswith("seg-") and name.endswith(".npz"))
        except FileNotFoundError:
            return []

    def write(self, rows, covers):
        """Add a segment: `rows` are (key, part, float vector); `covers` every key it replaces or deletes."""
        if not rows and not covers:
            return
        self.root.mkdir(parents=True, exist_ok=True)
        keys = np.array([int(key) for key, _part, _vector in rows], dtype=np.int64)
        parts = np.array([part for _key, part, _vector in rows], dtype=np.int32)
        if rows:
            vectors = np.vstack([np.asarray(vector, dtype=np.float16) for _key, _part, vector in rows])
        else:
            vectors = np.zeros((0, 0), dtype=np.float16)
        self._save(keys, parts, vectors, np.array(sorted({int(key) for key in covers}), dtype=np.int64))
        if len(self._segments()) > MAX_SEGMENTS:
            self._merge()

    def _save(self, keys, parts, vectors, covers):
        name = f"seg-{time.time_ns():020d}"
        temporary = self.root / f"{name}.tmp.npz"
        np.savez(temporary, keys=keys, parts=parts, vectors=vectors, covers=covers)
        os.replace(temporary, self.root / f"{name}.npz")
        return name

    def _merge(self):
        """One segment instead of many: what the newest segments say of each record wins."""
        names = self._segments()
        keys, parts, vectors = self._live(names)
        self._save(keys, parts, vectors.astype(np.float16), np.zeros(0, dtype=np.int64))
        for name in names:
            (self.root / name).unlink(missing_ok=True)

    def _live(self, names):
        covered = set()
        kept = []
        for name in reversed(names):  # newest first
            keys, parts, vectors, covers = _read(self.root / name)
            if len(keys):
                visible = ~np.isin(keys, np.fromiter(covered, dtype=np.int64, count=len(covered)))
                if visible.any():
                    kept.append((keys[visible], parts[visible], vectors[visible]))
            covered.update(covers.tolist())
        if not kept:
            return np.zeros(0, np.int64), np.zeros(0, np.int32), np.zeros((0, 1), np.float32)
        width = max(part[2].shape[1] for part in kept)
        kept = [part for part in kept if part[2].shape[1] == width]
        return (
            np.concatenate([part[0] for part in kept]),
            np.concatenate([part[1] for part in kept]),
            np.concatenate([part[2] for part in kept]).astype(np.float32),
        )

    # -- reading -------------------------------------------------------------------------
    def loaded(self):
        """The live vectors, reloaded only when the segment files changed (merges delete files: retry)."""
        for _attempt in range(3):
            names = tuple(self._segments())
            cached_names, cached = self._loaded
            if names == cached_names:
                return cached
            try:
                loaded = _Loaded(*self._live(list(names)))
            except FileNotFoundError:
                continue
            with self._lock:
                self._loaded = (names, loaded)
            return loaded
        return _Loaded(*self._live(list(self._segments())))

    def count(self):
        return self.loaded().size

    def nearest(self, vector, limit, min_similarity, pages_per_record):
        """Records whose own vector or one of whose pages is at least `min_similarity` from `vector`, nearest first."""
        loaded = self.loaded()
        if not loaded.size or loaded.meta.shape[1:] != vector.shape:
            return []
        found = {}
        if len(loaded.meta_keys):
            similarities = loaded.meta @ vector
            for row in _top(similarities, limit, min_similarity):
                key = str(loaded.meta_keys[row])
                found[key] = Neighbour(key, float(similarities[row]), [])
        if len(loaded.page_keys):
            similarities = loaded.pages @ vector
            for row in _top(similarities, limit * pages_per_record, min_similarity):
                key, similarity = str(loaded.page_keys[row]), float(similarities[row])
                neighbour = found.setdefault(key, Neighbour(key, similarity, []))
                neighbour.similarity = max(neighbour.similarity, similarity)
                if len(neighbour.pages) < pages_per_record:
                    neighbour.pages.append((int(loaded.page_parts[row]), similarity))
        return sorted(found.values(), key=lambda n: -n.similarity)[:limit]


def _top(similarities, limit, floor):
    """Row numbers of the `limit` largest values at or above `floor`, largest first."""
    if len(similarities) > limit:
        rows = np.argpartition(-similarities, limit)[:limit]
    else:
        rows = np.arange(len(similarities))
    rows = rows[similarities[rows] >= floor]
    return rows[np.argsort(-similarities[rows])]
