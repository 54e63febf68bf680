"""A sync killed in the middle (SIGKILL) resumes where it stopped, without duplicating anything."""

import json
import signal

from .conftest import SOURCE_RECORDS
from .instances import Instance


def exported_ids(node, tmp_path):
    output = tmp_path / "nodo.jsonl"
    node.manage("export_catalog", "--output", str(output), "--no-progress")
    return [json.loads(line)["external_id"] for line in output.read_text(encoding="utf-8").splitlines()]


def test_killed_sync_resumes_without_duplicates(source, tmp_path):
    node = Instance.fresh(tmp_path / "nodo")
    process = node.popen("sync_from", source.url, "--with-files")
    seen = []
    for line in process.stdout:
        seen.append(line)
        if line.startswith("Página 1:"):
            process.send_signal(signal.SIGKILL)
            break
    process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL, "".join(seen)
    partial = exported_ids(node, tmp_path)
    assert 0 < len(partial) < SOURCE_RECORDS + 1  # the first page was written, the rest was not

    result = node.manage("sync_from", source.url, "--with-files")

    assert "Se retoma la cosecha interrumpida" in result.stdout
    ids = exported_ids(node, tmp_path)
    assert sorted(ids) == sorted(record["external_id"] for record in source.records)
    assert len(ids) == len(set(ids))
    assert "0 archivos descargados" not in result.stdout  # the files of the pages not written yet came now
