"""A real Learning Record Store for the xAPI tests: Ralph, from its own virtual environment.

Ralph pins its own dependencies, so it lives in `.venv-ralph/` at the repository root, created from
`ralph-requirements.txt` the first time (and again whenever that file changes). Each test gets a fresh
Ralph on a free port, with a file backend in its own folder; `stop()` and `start()` take it down and
bring it back on the same port and data, as an LRS outage would. `ralph_server.py` says why it is
started through that script rather than `ralph runserver`.
"""

import base64
import hashlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
REQUIREMENTS = Path(__file__).with_name("ralph-requirements.txt")
SERVER = Path(__file__).with_name("ralph_server.py")
VENV = ROOT / ".venv-ralph"
STAMP = VENV / "requirements.sha256"
USERNAME = "acervo"
PASSWORD = "clave-del-lrs-de-prueba"
BASE_URL = "https://acervo.example.mx"
START_TIMEOUT = 120


def _ensure_venv():
    """.venv-ralph/ with the pinned Ralph; created once, recreated when the requirements change."""
    wanted = hashlib.sha256(REQUIREMENTS.read_bytes()).hexdigest()
    ralph = VENV / "bin" / "ralph"
    if ralph.exists() and STAMP.exists() and STAMP.read_text().strip() == wanted:
        return ralph
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "venv", "--clear", str(VENV)], check=True)
    pip = [str(VENV / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, "-r", str(REQUIREMENTS)], check=True)
    STAMP.write_text(wanted)
    print(f"\n.venv-ralph/ created in {time.monotonic() - started:.0f} s", file=sys.stderr)
    return ralph


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Ralph:
    """One Ralph LRS process on a fixed port and folder, which can be stopped and started again."""

    def __init__(self, executable, folder):
        self.executable, self.folder, self.port = executable, folder, _free_port()
        self.process = None
        # bcrypt comes with Ralph, in its own environment.
        hashing = "import bcrypt, sys; print(bcrypt.hashpw(sys.argv[1].encode(), bcrypt.gensalt()).decode())"
        python = str(Path(executable).with_name("python"))
        password_hash = subprocess.run(
            [python, "-c", hashing, PASSWORD], check=True, capture_output=True, text=True
        ).stdout.strip()
        agent = {"account": {"name": USERNAME, "homePage": BASE_URL}}
        auth = [{"username": USERNAME, "hash": password_hash, "scopes": ["all"], "agent": agent}]
        (folder / "auth.json").write_text(json.dumps(auth))

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}/xAPI"

    def start(self):
        python = str(Path(self.executable).with_name("python"))
        self.log = open(self.folder / "ralph.log", "ab")  # noqa: SIM115  (closed in stop())
        self.process = subprocess.Popen(
            [python, str(SERVER), str(self.folder), str(self.port)],
            cwd=self.folder,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: stop() ends all of it
        )
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError((self.folder / "ralph.log").read_text())
            try:
                self.statements()
                return
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.2)
        raise RuntimeError("Ralph did not start: " + (self.folder / "ralph.log").read_text())

    def stop(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.process = None
        self.log.close()
        # The port is free again once nothing answers on it.
        while True:
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", self.port)) != 0:
                    return
            time.sleep(0.1)

    def _get(self, url):
        request = urllib.request.Request(url)
        credentials = base64.b64encode(f"{USERNAME}:{PASSWORD}".encode()).decode()
        request.add_header("Authorization", f"Basic {credentials}")
        request.add_header("X-Experience-API-Version", "1.0.3")
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.load(response)

    def statements(self):
        """Every statement the LRS stored, following its `more` links."""
        found = []
        page = self._get(f"{self.url}/statements?limit=500")
        found += page["statements"]
        while page.get("more"):
            page = self._get(f"http://127.0.0.1:{self.port}{page['more']}")
            found += page["statements"]
        return found


@pytest.fixture(scope="session")
def ralph_executable():
    return _ensure_venv()


@pytest.fixture
def ralph(ralph_executable, tmp_path, settings):
    """A running Ralph LRS, with the site's xAPI settings pointing at it."""
    server = Ralph(ralph_executable, tmp_path)
    server.start()
    settings.ACERVO_BASE_URL = BASE_URL
    settings.XAPI_LRS_URL = server.url
    settings.XAPI_LRS_USERNAME = USERNAME
    settings.XAPI_LRS_PASSWORD = PASSWORD
    yield server
    if server.process:
        server.stop()
