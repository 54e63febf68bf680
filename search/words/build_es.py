"""Regenerates es.txt.xz, the Spanish word list of spelling suggestions, from Debian's hunspell-es.

Run from the repository root after `apt-get install hunspell-es hunspell-tools`:
    .venv/bin/python -m search.words.build_es
"""

import lzma
import subprocess
import sys
from pathlib import Path

from search.text import normalize

DICTIONARY = Path("/usr/share/hunspell/es_MX")
TARGET = Path(__file__).resolve().parent / "es.txt.xz"


def main():
    # unmunch expands every stem by its affix rules: conjugations, plurals, feminines, clitics.
    forms = subprocess.run(
        ["unmunch", f"{DICTIONARY}.dic", f"{DICTIONARY}.aff"], capture_output=True, check=True
    ).stdout.decode("utf-8", errors="replace")
    words = {word for line in forms.splitlines() for word in [normalize(line)] if word.isalpha()}
    # Sorted by bytes: search.spelling bisects the UTF-8 text itself.
    data = b"".join(word.encode() + b"\n" for word in sorted(words, key=str.encode))
    TARGET.write_bytes(lzma.compress(data, preset=9 | lzma.PRESET_EXTREME))
    print(f"{len(words)} folded words -> {TARGET} ({TARGET.stat().st_size} bytes)", file=sys.stderr)


if __name__ == "__main__":
    main()
