"""Community-node benchmark: sync_from between two local instances, first run and incremental run.

Usage: python bench/sync_bench.py [--records 20000] [--changes 100] [--with-files]
The source is a subprocess (runserver on its own port, own data folder and SQLite) seeded with a
synthetic catalogue by import_catalog; this process is the node (its own data folder and SQLite).
Times the first sync, then changes --changes records at the source and times the incremental sync.
Prints both times, the requests made and the ratio (target: incremental under 5% of the first).
"""

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from import_bench import generate  # noqa: E402

from tests.offline.nodes.instances import DB_NAME, Instance, migrated_template  # noqa: E402


def change_records(path, count, out):
    with open(path, encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle]
    step = max(1, len(records) // count)
    changed = []
    for record in records[::step][:count]:
        if record["type"] == "weekly_plan":
            continue
        changed.append({**record, "title": record["title"] + " (corregido)"})
    with open(out, "w", encoding="utf-8") as handle:
        for record in changed:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return len(changed)


def timed_sync(url, with_files):
    from offline.nodes.sync import sync_from

    start = time.perf_counter()
    run = sync_from(url, with_files=with_files)
    return time.perf_counter() - start, run.counts


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=20000)
    parser.add_argument("--changes", type=int, default=100)
    parser.add_argument("--with-files", action="store_true")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="acervo-sync-bench-"))
    bench_env = {
        "DJANGO_SETTINGS_MODULE": "sync_bench_settings",
        "PYTHONPATH": str(ROOT / "bench"),
        "LOG_LEVEL": "WARNING",
    }
    source = Instance.fresh(work / "fuente", **bench_env)
    catalogue = work / "catalogo.jsonl"
    generate(catalogue, args.records, 100)
    start = time.perf_counter()
    source.manage("import_catalog", str(catalogue), "--no-progress", timeout=7200)
    print(f"source seeded with {args.records} records by import_catalog: {time.perf_counter() - start:.1f} s")
    source.start()

    node_dir = work / "nodo"
    node_dir.mkdir()
    (node_dir / DB_NAME).write_bytes((migrated_template() / DB_NAME).read_bytes())
    node_env = Instance(node_dir, **bench_env).env
    os.environ.update({key: node_env[key] for key in node_env if key.startswith(("ACERVO_", "DATABASE_"))})
    os.environ.update(bench_env)
    import django

    django.setup()
    try:
        first, first_counts = timed_sync(source.url, args.with_files)
        print(
            f"first sync: {first:.1f} s, {first_counts.get('records', 0)} records, "
            f"{first_counts.get('requests', 0)} requests"
        )
        changes = change_records(catalogue, args.changes, work / "cambios.jsonl")
        source.manage("import_catalog", str(work / "cambios.jsonl"), "--no-progress")
        time.sleep(1.1)  # the changes get a datestamp after the first harvest's (second granularity)
        incremental, counts = timed_sync(source.url, args.with_files)
        print(
            f"incremental sync after {changes} changes: {incremental:.2f} s, {counts.get('identifiers', 0)} "
            f"identifiers, {counts.get('updated', 0)} updated, {counts.get('requests', 0)} requests"
        )
        print(f"ratio incremental / first: {incremental / first:.2%} (target: under 5%)")
    finally:
        source.stop()


if __name__ == "__main__":
    main()
