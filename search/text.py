"""Text normalisation shared by query understanding and indexing: lowercase, no accents."""

import re
import unicodedata

_NOT_WORD = re.compile(r"[^\w°]+")


def fold(text):
    """Lowercase and strip accents (á -> a, ñ -> n) while keeping the degree sign."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalize(text):
    """Folded words separated by single spaces; punctuation becomes space."""
    folded = fold(text).replace("º", "°")
    # "5°" and "5o" stay one token; "5 °" is glued back so typing either form matches.
    folded = re.sub(r"(\d)\s+°", r"\1°", folded)
    return " ".join(_NOT_WORD.sub(" ", folded).replace("_", " ").split())


def levenshtein(a, b):
    """Edit distance, small inputs only (spelling suggestions)."""
    if a == b:
        return 0
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]
