"""Which typed words deserve a «¿quisiste decir?» correction, whatever engine proposes the replacement."""

import lzma
from functools import lru_cache
from pathlib import Path

from .understanding import hint_words

SPANISH_WORDS = Path(__file__).resolve().parent / "words" / "es.txt.xz"
MIN_LETTERS = 4  # shorter words ("sal", "luz", "uno") are too often right to second-guess


class WordList:
    """Sorted, newline-ended folded words kept as one bytes object: about 11 MB where a set takes 95."""

    def __init__(self, data):
        self._data = data

    def __len__(self):
        return self._data.count(b"\n")

    def __contains__(self, word):
        key, data = word.encode(), self._data
        low, high = 0, len(data)  # both always sit at the start of a line (or the end)
        while low < high:
            start = max(low, data.rfind(b"\n", low, (low + high) // 2) + 1)
            end = data.index(b"\n", start)
            line = data[start:end]
            if line == key:
                return True
            if line < key:
                low = end + 1
            else:
                high = start
        return False


@lru_cache(maxsize=1)
def spanish_words():
    """Every inflected Spanish form (accent-folded) of hunspell-es; read on first use, once per process."""
    return WordList(lzma.decompress(SPANISH_WORDS.read_bytes()))


def needs_correction(word, in_index):
    """A folded word gets a suggestion only when it is no Spanish word, no hint, no number, and the index lacks it.

    `in_index(word)` is the engine's own check, asked last because it is the costly one.
    """
    return (
        len(word) >= MIN_LETTERS
        and not any(ch.isdigit() for ch in word)
        and word not in hint_words()
        and word not in spanish_words()
        and not in_index(word)
    )


def suggestion_text(typed, corrected):
    """The corrected query as one string, or None when no word changed."""
    return " ".join(corrected) if corrected != typed else None
