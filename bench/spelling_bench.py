"""Spanish word list benchmark: load time, memory, lookup speed and coverage of inflected forms.

Usage: python bench/spelling_bench.py
Loads search/words/es.txt.xz the way the first search of a process does, then checks a sample of
real Spanish forms (clitics, plurals, feminines, conjugations, curriculum words) and of typos.
Prints figures; asserts nothing.
"""

import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SPANISH = {
    "verbs with clitics": "darles dímelo explícales cómetelo ayúdame pídeselo escribirlas sumándolas dáselo "
    "llévatelo decírselo mírenlo resuélvanlo cuéntame compártelo díganle enséñales léelo colorearlas recórtalas",
    "plurals": "fracciones ecosistemas cocodrilos lápices raíces ríos volcanes números decimales ángulos triángulos",
    "feminines": "sana maestra alumnas profesoras mexicana niñas pequeñas bonitas lectoras",
    "conjugations": "cantan cantábamos cantaríamos escribiste hicieron tuvieran resolvamos comparen obtienen "
    "registra medimos estimen redondea clasifiquen identifiquen argumentan",
    "curriculum": "fotosíntesis multiplicación divisores sustantivos adjetivos numerador denominador polígonos "
    "paralelogramo sismógrafo ecosistema biodiversidad mitosis ciudadanía equivalentes perímetro hipotenusa "
    "cuadriláteros respiración digestión células nutrición trabalenguas adivinanzas efemérides prehispánicos "
    "mesoamérica virreinato geografía continentes océanos migración",
    "mexican words": "elote jitomate aguacate tianguis papalote ajolote huarache zócalo",
}
TYPOS = (
    "fracsiones ecosistemmas fotosintesys multiplicasion ejersicios nmerador sustantibos adjetibos poligonnos "
    "biodiversidda celulla nutrisión higene leyendass triangulso perimetor ipotenusa divisoress equivalntes"
)


def main():
    from search.spelling import spanish_words
    from search.text import normalize

    tracemalloc.start()
    start = time.perf_counter()
    words = spanish_words()
    loaded = time.perf_counter() - start
    memory, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()  # it would slow the lookups timed below
    print(f"word list: {len(words)} words, loaded in {loaded * 1000:.0f} ms, {memory / 2**20:.1f} MiB kept")
    print(f"           (peak while loading {peak / 2**20:.1f} MiB)")
    for kind, text in SPANISH.items():
        forms = text.split()
        missing = [form for form in forms if normalize(form) not in words]
        print(f"{kind:>20}: {len(forms) - len(missing)}/{len(forms)} known; missing: {' '.join(missing) or '-'}")
    typos = TYPOS.split()
    accepted = [typo for typo in typos if normalize(typo) in words]
    print(f"{'typos':>20}: {len(accepted)}/{len(typos)} taken for Spanish: {' '.join(accepted) or '-'}")
    probes = [normalize(form) for text in SPANISH.values() for form in text.split()] + typos
    start = time.perf_counter()
    rounds = 200
    for _ in range(rounds):
        for probe in probes:
            probe in words  # noqa: B015 - timing the lookup itself
    print(f"lookup: {(time.perf_counter() - start) / (rounds * len(probes)) * 1e6:.1f} µs per word")


if __name__ == "__main__":
    main()
