"""Shared fixtures: the page skeleton, catalogue files and a command runner."""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.factories import CatalogRecordFactory


@pytest.fixture
def site_structure(db):
    from oer.site import ensure_site_structure

    return ensure_site_structure()


@pytest.fixture
def write_catalog(tmp_path):
    """Write records (dicts, or raw strings for broken lines) to a .jsonl file."""

    def write(records, name="catalogo.jsonl"):
        path = tmp_path / name
        with open(path, "w", encoding="utf-8") as handle:
            for record in records:
                line = record if isinstance(record, str) else json.dumps(record, ensure_ascii=False)
                handle.write(line + "\n")
        return path

    return write


class CommandResult:
    def __init__(self, code, stdout, stderr):
        self.code, self.stdout, self.stderr = code, stdout, stderr


@pytest.fixture
def run_command(db):
    """Run a management command as a user would and capture exit code and output."""

    def run(*args):
        out, err = io.StringIO(), io.StringIO()
        try:
            call_command(*args, stdout=out, stderr=err)
            code = 0
        except CommandError as exc:
            err.write(str(exc))
            code = exc.returncode
        return CommandResult(code, out.getvalue(), err.getvalue())

    return run


@pytest.fixture
def record_factory():
    return CatalogRecordFactory
