"""Curriculum synonyms, kept as data in synonyms/es.txt and read once per process."""

from functools import lru_cache
from pathlib import Path

from .text import normalize

SYNONYMS_FILE = Path(__file__).resolve().parent / "synonyms" / "es.txt"


def parse_synonyms(lines):
    """Solr-format lines -> {phrase tuple: tuple of alternative phrase tuples}."""
    table = {}
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if "=>" in line:
            left, right = line.split("=>", 1)
            sources = [tuple(normalize(p).split()) for p in left.split(",") if normalize(p)]
            targets = [tuple(normalize(p).split()) for p in right.split(",") if normalize(p)]
        else:
            sources = targets = [tuple(normalize(p).split()) for p in line.split(",") if normalize(p)]
        for source in sources:
            merged = dict.fromkeys(table.get(source, ()))
            merged.update(dict.fromkeys(t for t in targets if t != source))
            table[source] = tuple(merged)
    return table


@lru_cache(maxsize=1)
def synonym_table():
    return parse_synonyms(SYNONYMS_FILE.read_text(encoding="utf-8").splitlines())


def solr_lines():
    """The file's rules as Elasticsearch's synonym filter expects them (comments dropped)."""
    rules = []
    for line in SYNONYMS_FILE.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            rules.append(line)
    return rules
