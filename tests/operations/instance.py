"""A whole Acervo instance for the backup tests: its own data folder and database, driven through subprocesses."""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
GRANIAN = Path(sys.executable).with_name("granian")
# Variables of the test run that must not leak into an instance (each names its own database and storage).
CLEARED = ("DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL", "AWS_STORAGE_BUCKET_NAME", "EMAIL_HOST")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Instance:
    """An instance with its data folder (uploads, embedded search index) and database URL."""

    def __init__(self, data_dir, database_url=None, environ=None):
        self.data_dir = Path(data_dir)
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.database_url = database_url or f"sqlite:///{self.data_dir / 'acervo.sqlite3'}"
        base = {name: value for name, value in os.environ.items() if name not in CLEARED}
        self.env = {
            **base,
            "DJANGO_SETTINGS_MODULE": "acervo.settings.test",
            "ACERVO_DATA_DIR": str(self.data_dir),
            "ACERVO_TEST_DATA_DIR": str(self.data_dir),
            "DATABASE_URL": self.database_url,
            "DATABASE_CONN_MAX_AGE": "0",
            **(environ or {}),
        }

    @property
    def sqlite_file(self):
        return self.data_dir / "acervo.sqlite3"

    def run(self, *arguments, timeout=600):
        return subprocess.run(
            [sys.executable, *arguments], cwd=ROOT, env=self.env, capture_output=True, text=True, timeout=timeout
        )

    def manage(self, *arguments, expect=0):
        result = self.run("manage.py", *arguments)
        if expect is not None:
            assert result.returncode == expect, (arguments, result.stdout[-3000:], result.stderr[-3000:])
        return result

    def probe(self, *arguments):
        result = self.run("-m", "tests.operations.probe", *arguments)
        assert result.returncode == 0, (arguments, result.stdout[-3000:], result.stderr[-5000:])
        return json.loads(result.stdout.strip().splitlines()[-1])

    def popen_probe(self, *arguments):
        return subprocess.Popen(
            [sys.executable, "-m", "tests.operations.probe", *arguments],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def copy_database_from(self, template):
        """Start from a migrated database file instead of running every migration again."""
        shutil.copyfile(template, self.sqlite_file)

    def serve(self):
        return Site(self)


class Site:
    """The instance served by granian, as in production, on a free loopback port."""

    def __init__(self, instance):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [str(GRANIAN), "--interface", "wsgi", "--host", "127.0.0.1", "--port", str(self.port)]
            + ["--workers", "1", "--log-level", "warning", "acervo.wsgi:application"],
            cwd=ROOT,
            env=instance.env,
        )

    def __enter__(self):
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"granian terminó con código {self.process.returncode}")
            try:
                requests.get(f"{self.url}/robots.txt", timeout=30)
                return self
            except requests.RequestException:
                time.sleep(0.2)
        self.__exit__()
        raise RuntimeError("granian no respondió en 60 s")

    def __exit__(self, *exc):
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def log_in(self, username, password):
        """A session signed in through the log-in form, as a browser would; None when the form refuses."""
        session = requests.Session()
        form = session.get(f"{self.url}/cuentas/entrar/", timeout=30)
        assert form.status_code == 200
        answer = session.post(
            f"{self.url}/cuentas/entrar/",
            data={"username": username, "password": password, "csrfmiddlewaretoken": session.cookies["csrftoken"]},
            headers={"Referer": f"{self.url}/cuentas/entrar/"},
            allow_redirects=False,
            timeout=30,
        )
        return session if answer.status_code == 302 else None

    def get(self, path, session=None):
        return (session or requests).get(f"{self.url}{path}", timeout=30)
