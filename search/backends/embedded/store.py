"""Where the embedded index lives on disk: index generations, the atomic swap and the writer lock.

Layout: `<dir>/current` is a symlink to one `gen-*` folder; a rebuild writes a new generation
and swaps the symlink atomically, so readers never see an empty index. Every writer holds
`<dir>/writer.lock` (an OS file lock), so web and worker processes take turns.
"""

import fcntl
import os
import shutil
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import tantivy

from ..base import SearchUnavailable
from .schema import SCHEMA, register_analyzers
from .vectors import VectorSegments


class IndexStore:
    def __init__(self, root):
        self.root = Path(root)
        self._indexes = {}
        self._local = threading.RLock()
        self._depth = 0
        self._vectors = {}

    @property
    def current_link(self):
        return self.root / "current"

    @contextmanager
    def writer_lock(self):
        """Exclusive across processes (flock) and threads; re-entrant within one thread."""
        self.root.mkdir(parents=True, exist_ok=True)
        with self._local:
            if self._depth:
                self._depth += 1
                try:
                    yield
                finally:
                    self._depth -= 1
                return
            with open(self.root / "writer.lock", "a+") as handle:
                fcntl.flock(handle, fcntl.LOCK_EX)
                self._depth = 1
                try:
                    yield
                finally:
                    self._depth = 0
                    fcntl.flock(handle, fcntl.LOCK_UN)

    def new_generation(self):
        """An empty index in a fresh folder, not yet visible to searches."""
        path = self.root / f"gen-{time.time_ns()}"
        path.mkdir(parents=True)
        return path, register_analyzers(tantivy.Index(SCHEMA, str(path), reuse=False))

    def discard(self, generation):
        shutil.rmtree(generation, ignore_errors=True)

    def swap_to(self, generation):
        """Make `generation` the one searches read, then drop the one it replaces."""
        previous = self.current_link.resolve() if self.current_link.exists() else None
        temporary = self.root / f"current.{os.getpid()}.tmp"
        if temporary.is_symlink() or temporary.exists():
            temporary.unlink()
        temporary.symlink_to(generation.name)
        os.replace(temporary, self.current_link)  # rename(2) is atomic: readers see old or new
        if previous and previous != generation.resolve():
            shutil.rmtree(previous, ignore_errors=True)

    def current_path(self):
        if not self.current_link.exists():
            with self.writer_lock():
                if not self.current_link.exists():
                    path = self.root / f"gen-{time.time_ns()}"
                    path.mkdir(parents=True)
                    self.swap_to(path)
        return self.current_link.resolve()

    def current(self):
        """The Index of the current generation, opened once per process and generation."""
        path = self.current_path()
        index = self._indexes.get(path)
        if index is None:
            try:
                index = register_analyzers(tantivy.Index(SCHEMA, str(path), reuse=True))
            except ValueError as exc:
                if "schema does not match" not in str(exc):
                    raise
                # An index written by an older version: searches wait for a rebuild, never a guess.
                raise SearchUnavailable(
                    "el índice de búsqueda es de una versión anterior: ejecute «manage.py search_index rebuild»"
                ) from exc
            self._indexes = {path: index}  # an older generation is no longer needed
        return index

    def vectors(self, path):
        """The dense vectors kept in the generation folder `path`."""
        path = Path(path).resolve()
        segments = self._vectors.get(path)
        if segments is None:
            segments = self._vectors[path] = VectorSegments(path)
        return segments

    def searcher(self):
        index = self.current()
        index.reload()
        return index.searcher()
