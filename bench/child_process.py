"""Run a benchmark's measuring half in a child process with its own empty data folder and SQLite database."""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_in_fresh_instance(script, arguments=(), prefix="acervo-bench-"):
    """Run `script --child ARGUMENTS` in a throwaway data folder (test settings); returns its last line as JSON."""
    with tempfile.TemporaryDirectory(prefix=prefix) as data_dir:
        env = dict(os.environ, ACERVO_DATA_DIR=data_dir, ACERVO_TEST_DATA_DIR=data_dir, ELASTICSEARCH_URL="")
        env.update(DJANGO_SETTINGS_MODULE="acervo.settings.test")
        env.pop("DATABASE_URL", None)
        command = [sys.executable, str(script), "--child", *arguments]
        output = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, check=False)
    if output.returncode:
        sys.stderr.write(output.stderr[-4000:])
        raise SystemExit(f"{Path(script).name}: the benchmark's child process failed")
    return json.loads(output.stdout.strip().splitlines()[-1])
