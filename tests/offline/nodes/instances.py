"""Running whole Acervo instances as subprocesses: a source on its own port, or a node, each with its own data.

Migrating a fresh SQLite database takes minutes, so one migrated database is kept per set of
migration files (keyed by their digest) in the temporary folder and copied for each instance.
"""

import hashlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
PYTHON = sys.executable
DB_NAME = "acervo.sqlite3"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _migrations_digest():
    digest = hashlib.sha256()
    for path in sorted(ROOT.glob("**/migrations/0*.py")):
        if ".venv" in path.parts or "node_modules" in path.parts:
            continue
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def migrated_template():
    """A folder holding a migrated, empty database (built once per migration set)."""
    template = Path(tempfile.gettempdir()) / f"acervo-instance-template-{_migrations_digest()}"
    if (template / DB_NAME).exists():
        return template
    building = Path(tempfile.mkdtemp(prefix="acervo-template-"))
    Instance(building).manage("migrate", "--noinput")
    try:
        building.rename(template)
    except OSError:  # another run built it meanwhile
        shutil.rmtree(building, ignore_errors=True)
    return template


class Instance:
    """One Acervo: its data folder, its database, and (once started) a runserver on its own port."""

    def __init__(self, data_dir, **env):
        self.data_dir = Path(data_dir)
        self.extra_env = {key: str(value) for key, value in env.items()}
        self.server = None
        self.port = None

    @classmethod
    def fresh(cls, data_dir, **env):
        data_dir = Path(data_dir)
        data_dir.mkdir(parents=True, exist_ok=True)
        shutil.copy(migrated_template() / DB_NAME, data_dir / DB_NAME)
        return cls(data_dir, **env)

    @property
    def env(self):
        env = {key: value for key, value in os.environ.items() if not key.startswith(("DATABASE_", "ACERVO_"))}
        env.update(
            DJANGO_SETTINGS_MODULE="acervo.settings.test",
            ACERVO_DATA_DIR=str(self.data_dir),
            ACERVO_TEST_DATA_DIR=str(self.data_dir),
            DATABASE_URL=f"sqlite:///{self.data_dir / DB_NAME}",
            PYTHONUNBUFFERED="1",
            REDIS_URL="",
            ELASTICSEARCH_URL="",
        )
        env.update(self.extra_env)
        return env

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def manage(self, *args, check=True, timeout=600):
        result = subprocess.run(
            [PYTHON, "manage.py", *args], cwd=ROOT, env=self.env, capture_output=True, text=True, timeout=timeout
        )
        if check and result.returncode != 0:
            raise AssertionError(f"manage.py {' '.join(args)} falló:\n{result.stdout}\n{result.stderr}")
        return result

    def popen(self, *args):
        return subprocess.Popen(
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )

    def start(self):
        self.port = free_port()
        self.server = subprocess.Popen(
            [PYTHON, "manage.py", "runserver", "--noreload", f"127.0.0.1:{self.port}"],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.server.poll() is not None:
                raise AssertionError("el servidor de origen terminó al arrancar")
            try:
                with urllib.request.urlopen(f"{self.url}/nodos/", timeout=5) as response:
                    if response.status == 200:
                        return self.url
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise AssertionError("el servidor de origen no respondió a tiempo")

    def stop(self):
        if self.server is not None and self.server.poll() is None:
            os.killpg(self.server.pid, signal.SIGTERM)
            try:
                self.server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.server.pid, signal.SIGKILL)
                self.server.wait()
        self.server = None
