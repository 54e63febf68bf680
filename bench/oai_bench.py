"""OAI-PMH and open-data benchmark: harvest and dump speed over a synthetic catalogue.

Usage: python bench/oai_bench.py [--records 5000] [--database-url postgres://…]
Runs in a throwaway data folder (and a throwaway SQLite file unless --database-url is given):
imports the catalogue in bulk, then times the first OAI request (which records the bulk-imported
resources), a full ListRecords harvest in oai_dc and in lom following resumption tokens, and the
dated dumps of /datos/. Prints figures; asserts nothing about speed.
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def harvest(client, prefix):
    from lxml import etree

    ns = {"oai": "http://www.openarchives.org/OAI/2.0/"}
    params = {"verb": "ListRecords", "metadataPrefix": prefix}
    records = requests = 0
    start = time.perf_counter()
    while True:
        tree = etree.fromstring(client.get("/oai/", params).content)
        requests += 1
        records += len(tree.findall(".//oai:record", ns))
        token = tree.findtext(".//oai:resumptionToken", namespaces=ns)
        if not token:
            break
        params = {"verb": "ListRecords", "resumptionToken": token}
    return records, requests, time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=5000)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()

    data_dir = tempfile.mkdtemp(prefix="acervo-oai-bench-")
    os.environ["ACERVO_DATA_DIR"] = data_dir
    os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{data_dir}/bench.sqlite3"
    os.environ["DJANGO_SETTINGS_MODULE"] = "acervo.settings.test"
    os.environ["ACERVO_TEST_DATA_DIR"] = data_dir

    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment
    from import_bench import generate

    from oer.catalog.importer import import_file
    from oer.opendata import dumps

    setup_test_environment()
    call_command("migrate", verbosity=0)
    path = Path(data_dir) / "catalogo.jsonl"
    generate(path, args.records)
    report = import_file(path)
    assert report.ok, report.error_lines()[:5]

    client = Client()
    start = time.perf_counter()
    client.get("/oai/", {"verb": "Identify"})
    print(f"first request, recording {args.records} bulk-imported resources: {time.perf_counter() - start:.2f} s")
    start = time.perf_counter()
    client.get("/oai/", {"verb": "Identify"})
    print(f"later request (nothing to record): {(time.perf_counter() - start) * 1000:.1f} ms")
    for prefix in ("oai_dc", "lom"):
        records, requests, elapsed = harvest(client, prefix)
        print(
            f"ListRecords {prefix}: {records} records in {requests} requests, {elapsed:.2f} s, "
            f"{records / elapsed:.0f} records/s"
        )
    start = time.perf_counter()
    dump = dumps.publish()
    print(
        f"publish_open_data (jsonl + csv): {dump.count} resources, {time.perf_counter() - start:.2f} s, "
        f"{dump.sizes['jsonl'] / 1e6:.1f} MB jsonl, {dump.sizes['csv'] / 1e6:.1f} MB csv"
    )


if __name__ == "__main__":
    main()
