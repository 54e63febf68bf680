"""pdf.js as static files: the parts the reader loads, taken from the npm package, under `pdfjs/`.

The package (`pdfjs-dist`, pinned in package-lock.json) is installed by `npm ci`, which `make run`
and `make test` call when npm exists. Only the minified builds and the data folders pdf.js
fetches at run time are published: sources, source maps and the legacy build stay out of
`collectstatic`. Without the package the reader still offers the PDF itself (see docs/lector.md).
"""

import posixpath
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import utils
from django.contrib.staticfiles.finders import BaseFinder
from django.core import checks
from django.core.files.storage import FileSystemStorage

PREFIX = "pdfjs"
FILES = ("build/pdf.min.mjs", "build/pdf.worker.min.mjs", "LICENSE")
# Fetched by pdf.js when a PDF needs them: CMaps for CJK fonts, the 14 standard fonts that
# PDFs may use without embedding them, image decoders, and colour profiles.
FOLDERS = ("cmaps", "standard_fonts", "wasm", "iccs")


def package_dir():
    return Path(settings.ACERVO_PDFJS_DIR)


def static_path(part):
    """The static path of a published part, e.g. `pdfjs/build/pdf.min.mjs` or `pdfjs/cmaps/`."""
    return f"{PREFIX}/{part}"


def _published(relative):
    return relative in FILES or any(relative.startswith(folder + "/") for folder in FOLDERS)


class PdfjsFinder(BaseFinder):
    """Finds `pdfjs/...` static paths in node_modules/pdfjs-dist, for runserver, tests and collectstatic."""

    # Read from settings on each use: finders are cached for the life of the process.
    @property
    def root(self):
        return package_dir()

    @property
    def storage(self):
        storage = FileSystemStorage(location=self.root)
        storage.prefix = PREFIX  # collectstatic copies each listed path under this prefix
        return storage

    def check(self, **kwargs):
        if (self.root / FILES[0]).is_file():
            return []
        return [
            checks.Info(
                f"pdf.js no está instalado en {self.root}: el lector de libros solo ofrecerá el PDF.",
                hint="Ejecuta `npm ci` en la raíz del proyecto (make run lo hace si npm existe).",
                id="oer.I001",
            )
        ]

    def find(self, path, find_all=False, **kwargs):
        prefix = PREFIX + "/"
        if not path.startswith(prefix):
            return []
        relative = posixpath.normpath(path[len(prefix) :])
        root = self.root
        if relative.startswith("..") or not _published(relative) or not (root / relative).is_file():
            return []
        match = str(root / relative)
        return [match] if find_all else match

    def list(self, ignore_patterns):
        if not self.root.is_dir():
            return
        storage = self.storage
        for relative in FILES:
            if (self.root / relative).is_file():
                yield relative, storage
        for folder in FOLDERS:
            if (self.root / folder).is_dir():
                for relative in utils.get_files(storage, ignore_patterns, location=folder):
                    yield relative, storage
