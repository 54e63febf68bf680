"""The languages a caption track can be in: Spanish, English and Mexico's national languages.

Media knows nothing of the repository's taxonomy; this list is its own. The codes are those of
WebVTT `srclang` and the catalogue (ISO 639-1 where one exists, else ISO 639-3; `mfs` is LSM).
"""

from django.utils.translation import gettext_lazy as _

CAPTION_LANGUAGES = [
    ("es", _("Español")),
    ("en", _("Inglés")),
    ("nah", _("Náhuatl")),
    ("yua", _("Maya")),
    ("tzo", _("Tsotsil")),
    ("tzh", _("Tseltal")),
    ("mix", _("Mixteco")),
    ("zap", _("Zapoteco")),
    ("oto", _("Otomí")),
    ("maz", _("Mazahua")),
    ("tar", _("Rarámuri (tarahumara)")),
    ("maa", _("Mazateco")),
    ("tot", _("Totonaco")),
    ("ctu", _("Ch'ol de Tumbalá")),
    ("mfs", _("Lengua de Señas Mexicana (LSM)")),
]
_LABELS = dict(CAPTION_LANGUAGES)


def language_label(code):
    return _LABELS.get(code, code)
