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
    # A 4 MiB window compresses as well as the default 64 MiB one, and reading needs 60 MiB less.
    lzma2 = {"id": lzma.FILTER_LZMA2, "preset": 9 | lzma.PRESET_EXTREME, "dict_size": 4 << 20}
    TARGET.write_bytes(lzma.compress(data, filters=[lzma2]))
    print(f"{len(words)} folded words -> {TARGET} ({TARGET.stat().st_size} bytes)", file=sys.stderr)


if __name__ == "__main__":
    main()
