"""Backup and restore on SQLite, between two real instances (separate data folders, separate processes)."""

import os
import shutil
import tarfile

import pytest

from tests.operations.checks import assert_restored, assert_site_as_before
from tests.operations.conftest import folder_digests, sha256_of
from tests.operations.instance import Instance


@pytest.fixture(scope="module")
def backup_file(populated_sqlite, tmp_path_factory):
    path = tmp_path_factory.mktemp("copias") / "acervo.tar"
    result = populated_sqlite.manage("backup", "--output", str(path))
    assert "Copia escrita en" in result.stdout
    return path


def _clone(instance, folder):
    """A second instance holding the same data, for tests that change their source."""
    shutil.copytree(instance.data_dir, folder)
    return Instance(folder)


def _state(instance):
    """What a refused restore must leave untouched: the database file and every stored file."""
    return sha256_of(instance.sqlite_file), folder_digests(instance.data_dir / "uploads")


def test_restore_into_a_fresh_data_folder_brings_everything_back(populated_sqlite, backup_file, fresh_instance):
    result = fresh_instance.manage("restore", str(backup_file))
    assert "search_index rebuild" in result.stdout
    assert_restored(populated_sqlite, fresh_instance)
    assert_site_as_before(fresh_instance, populated_sqlite.facts)


def _truncated(source, folder, size):
    path = folder / f"cortada-{size}.tar"
    with open(source, "rb") as original, open(path, "wb") as copy:
        copy.write(original.read(size))
    return path


def _flipped(source, folder, offset):
    path = folder / f"invertida-{offset}.tar"
    data = bytearray(source.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))
    return path


def _member_offsets(path):
    with tarfile.open(path) as tar:
        return {info.name: (info.offset, info.offset_data, info.size) for info in tar}


def test_damaged_backups_are_refused_before_anything_changes(populated_sqlite, backup_file, tmp_path):
    target = _clone(populated_sqlite, tmp_path / "sitio")
    state = _state(target)
    offsets = _member_offsets(backup_file)
    size = backup_file.stat().st_size
    database_start, database_data, database_size = offsets["database/acervo.sqlite3"]
    stored = next(name for name in offsets if name.startswith("files/"))
    manifest_data = offsets["manifest.json"][1]
    damaged = [
        _truncated(backup_file, tmp_path, size // 2),
        _truncated(backup_file, tmp_path, database_data + database_size // 3),
        _truncated(backup_file, tmp_path, manifest_data + 10),
        _truncated(backup_file, tmp_path, 0),
        _flipped(backup_file, tmp_path, database_data + database_size // 2),
        _flipped(backup_file, tmp_path, offsets[stored][1]),
        _flipped(backup_file, tmp_path, database_start + 3),  # inside a tar header
        _flipped(backup_file, tmp_path, manifest_data + 40),
    ]
    # --force: the damage alone must stop the restore, not the data already there.
    errors = target.probe("refusals", *map(str, damaged))
    for path in damaged:
        assert "dañada o incompleta" in errors[str(path)], (path, errors[str(path)])
        assert "No se cambió nada" in errors[str(path)]
    assert _state(target) == state


def test_a_non_empty_target_needs_force(populated_sqlite, backup_file, tmp_path):
    target = _clone(populated_sqlite, tmp_path / "sitio")
    target.manage("createsuperuser", "--no-input", "--username", "nueva", "--email", "nueva@example.mx")
    state = _state(target)

    refused = target.manage("restore", str(backup_file), expect=1)
    assert "no está vacío" in refused.stderr and "--force" in refused.stderr
    assert _state(target) == state

    target.manage("restore", str(backup_file), "--force")
    assert target.probe("snapshot") == populated_sqlite.probe("snapshot")


def test_not_a_backup_is_refused(fresh_instance, tmp_path):
    other = tmp_path / "otro.tar"
    other.write_bytes(b"esto no es una copia" * 100)
    result = fresh_instance.manage("restore", str(other), expect=1)
    assert "dañada o incompleta" in result.stderr
    missing = fresh_instance.manage("restore", str(tmp_path / "no-existe.tar"), expect=1)
    assert "No existe el archivo" in missing.stderr
    assert not fresh_instance.sqlite_file.exists()


def test_backup_while_learners_enrol_is_consistent(populated_sqlite, tmp_path):
    source = _clone(populated_sqlite, tmp_path / "ocupado")
    stop = tmp_path / "alto"
    writer = source.popen_probe("write", str(stop))
    try:
        assert writer.stdout.readline().strip() == "escribiendo", writer.stderr.read()
        copies = [tmp_path / f"copia-{n}.tar" for n in range(2)]
        for path in copies:
            source.manage("backup", "--output", str(path), "--no-progress")
    finally:
        stop.touch()
        out, err = writer.communicate(timeout=60)
    assert writer.returncode == 0, err
    written = int(out.strip().splitlines()[-1].split(":")[1].strip(" }"))

    for n, path in enumerate(copies):
        target = Instance(tmp_path / f"restaurado-{n}")
        target.manage("restore", str(path), "--no-progress")
        restored = target.probe("consistency")
        assert restored["users"] == restored["enrolments"]
        assert 20 <= restored["users"] <= written


def test_a_failed_backup_leaves_the_previous_file_alone(populated_sqlite, tmp_path):
    source = _clone(populated_sqlite, tmp_path / "sitio")
    output = tmp_path / "copias" / "acervo.tar"
    output.parent.mkdir()
    source.manage("backup", "--output", str(output), "--no-progress")
    previous = sha256_of(output)

    # A stored file that cannot be read: a symbolic link to itself.
    os.symlink("bucle", source.data_dir / "uploads" / "bucle")
    result = source.manage("backup", "--output", str(output), "--no-progress", expect=1)
    assert "No se escribió la copia" in result.stderr
    assert "bucle" in result.stderr
    assert sha256_of(output) == previous
    assert sorted(p.name for p in output.parent.iterdir()) == ["acervo.tar"]

    missing_folder = source.manage("backup", "--output", str(tmp_path / "no-existe" / "a.tar"), expect=1)
    assert "no existe" in missing_folder.stderr
