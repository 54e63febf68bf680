"""Packages built by the tests: Common Cartridge zips and Open edX OLX tar.gz, valid and hostile."""

import io
import tarfile
import zipfile
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
REALISTIC = FIXTURES / "evaluacion-formativa"


def write_zip(path, files):
    """files: {name: str | bytes}; returns path."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data.encode() if isinstance(data, str) else data)
    return path


def write_tar(path, files, links=()):
    """files: {name: str | bytes}; links: [(name, target)] written as symbolic links."""
    with tarfile.open(path, "w:gz") as archive:
        for name, data in files.items():
            raw = data.encode() if isinstance(data, str) else data
            info = tarfile.TarInfo(name)
            info.size = len(raw)
            archive.addfile(info, io.BytesIO(raw))
        for name, target in links:
            info = tarfile.TarInfo(name)
            info.type = tarfile.SYMTYPE
            info.linkname = target
            archive.addfile(info)
    return path


def folder_files(folder):
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def realistic_cartridge(tmp_path):
    """The checked-in course "Evaluación formativa en el aula", zipped as an .imscc."""
    return write_zip(tmp_path / "evaluacion-formativa.imscc", folder_files(REALISTIC))


def manifest(items, resources, title="Curso de prueba", identifier="curso-prueba", version="1.3.0"):
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="{identifier}" xmlns="http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1"
  xmlns:lomimscc="http://ltsc.ieee.org/xsd/imsccv1p3/LOM/manifest">
  <metadata><schema>IMS Common Cartridge</schema><schemaversion>{version}</schemaversion>
    <lomimscc:lom><lomimscc:general><lomimscc:title><lomimscc:string>{title}</lomimscc:string></lomimscc:title>
    </lomimscc:general></lomimscc:lom></metadata>
  <organizations><organization identifier="org" structure="rooted-hierarchy"><item identifier="root">
  {items}
  </item></organization></organizations>
  <resources>{resources}</resources>
</manifest>"""


def one_lesson_cartridge(html="<p>Hola</p>", extra_items="", extra_resources="", **kwargs):
    """Files of a cartridge with one module and one web-content lesson (plus whatever is added)."""
    items = f"""<item identifier="mod"><title>Módulo</title>
      <item identifier="lec" identifierref="res"><title>Lección</title></item>{extra_items}</item>"""
    resources = f"""<resource identifier="res" type="webcontent" href="leccion.html">
      <file href="leccion.html"/></resource>{extra_resources}"""
    return {"imsmanifest.xml": manifest(items, resources, **kwargs), "leccion.html": html}
