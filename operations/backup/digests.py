"""A reader that counts and hashes what passes through it, so every byte is read once."""

import hashlib
import io

CHUNK = 1024 * 1024


class HashingReader:
    """Wraps a binary file object; `sha256` and `size` describe what has been read so far.

    It claims not to be seekable, so storages and tarfile read it straight through.
    """

    def __init__(self, fileobj):
        self._file = fileobj
        self._hash = hashlib.sha256()
        self.size = 0

    def read(self, n=-1):
        data = self._file.read(n)
        self._hash.update(data)
        self.size += len(data)
        return data

    def readable(self):
        return True

    def seekable(self):
        return False

    def seek(self, *args):
        raise io.UnsupportedOperation("seek")

    @property
    def closed(self):
        return False

    def close(self):
        """The wrapped file belongs to the caller, who closes it."""

    def tell(self):
        return self.size

    @property
    def sha256(self):
        return self._hash.hexdigest()

    def drain(self):
        """Read the rest, hashing it; returns self."""
        while self.read(CHUNK):
            pass
        return self
