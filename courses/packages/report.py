"""The per-file report of an import: errors stop it (nothing is written), notes say what was skipped."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _


class PackageError(Exception):
    """A problem that makes reading the package pointless (not an archive, a bomb, a hostile entry)."""


@dataclass
class ImportReport:
    package: str
    skip_unsupported: bool = False
    errors: list = field(default_factory=list)  # (file, message)
    skipped: list = field(default_factory=list)  # (file, message): unsupported items left out
    course: object = None
    slug: str = ""
    created: int = 0
    updated: int = 0
    unpublished: int = 0

    @property
    def ok(self):
        return not self.errors

    def error(self, file, message):
        self.errors.append((file or self.package, str(message)))

    def skip(self, file, message):
        self.skipped.append((file or self.package, str(message)))

    def unsupported(self, file, what):
        """An item Acervo cannot import: an error, or a note when the import was asked to skip them."""
        message = _("tipo no admitido: %(what)s") % {"what": what}
        if self.skip_unsupported:
            self.skip(file, message)
        else:
            self.error(file, message + " " + _("(usa --skip-unsupported para omitirlo)"))

    def lines(self):
        """Every problem as `file: message`, errors first."""
        return [f"{file}: {message}" for file, message in self.errors] + [
            f"{file}: {message} ({_('omitido')})" for file, message in self.skipped
        ]
