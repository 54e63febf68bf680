"""Packages that must be refused whole, each with the file and the reason in the report."""

import os
import zipfile

import pytest

from courses.models import CoursePage, TrackPage

from .conftest import manifest, one_lesson_cartridge, write_tar, write_zip

pytestmark = pytest.mark.usefixtures("site_structure")


def refused(run_command, path, *args):
    result = run_command("import_course", str(path), "--no-progress", *args)
    assert result.code == 1, result.stdout
    assert "no se importó nada" in result.stderr
    assert not CoursePage.objects.exists() and not TrackPage.objects.exists()
    return result.stderr


def test_missing_manifest(run_command, tmp_path):
    path = write_zip(tmp_path / "sin-manifiesto.imscc", {"leccion.html": "<p>Hola</p>"})
    assert "sin-manifiesto.imscc: falta el manifiesto: no hay imsmanifest.xml" in refused(run_command, path)


def test_not_an_archive(run_command, tmp_path):
    path = tmp_path / "texto.imscc"
    path.write_text("hola")
    assert "no es un paquete .imscc (zip) ni una exportación de Open edX" in refused(run_command, path)


def test_missing_referenced_files_are_each_reported(run_command, tmp_path):
    files = one_lesson_cartridge(
        extra_items='<item identifier="lec2" identifierref="res2"><title>Dos</title></item>'
        '<item identifier="lec3" identifierref="fantasma"><title>Tres</title></item>',
        extra_resources='<resource identifier="res2" type="webcontent" href="dos.html"><file href="dos.html"/>'
        '<file href="imagenes/foto.png"/></resource>',
    )
    report = refused(run_command, write_zip(tmp_path / "faltan.imscc", files))
    assert "dos.html: falta el archivo, referido por el recurso «res2» del manifiesto" in report
    assert "imagenes/foto.png: falta el archivo, referido por el recurso «res2»" in report
    assert "imsmanifest.xml: el elemento «lec3» apunta al recurso «fantasma», que no está en el manifiesto" in report


def test_unsupported_types_are_named_and_skipped_only_when_asked(run_command, tmp_path):
    files = one_lesson_cartridge(
        extra_items='<item identifier="lti" identifierref="res-lti"><title>Simulador</title></item>'
        '<item identifier="pdf" identifierref="res-pdf"><title>Guía</title></item>',
        extra_resources='<resource identifier="res-lti" type="imsbasiclti_xmlv1p0"><file href="lti.xml"/></resource>'
        '<resource identifier="res-pdf" type="webcontent" href="guia.pdf"><file href="guia.pdf"/></resource>',
    )
    files.update({"lti.xml": "<cartridge_basiclti_link/>", "guia.pdf": b"%PDF-1.4"})
    path = write_zip(tmp_path / "tipos.imscc", files)
    report = refused(run_command, path)
    assert "lti.xml: tipo no admitido: herramienta LTI (imsbasiclti_xmlv1p0)" in report
    assert "guia.pdf: tipo no admitido: contenido web que no es HTML" in report
    result = run_command("import_course", str(path), "--no-progress", "--skip-unsupported")
    assert result.code == 0 and result.stdout.count("(omitido)") == 4
    assert "la lección «Simulador» quedó vacía (omitido)" in result.stdout


def test_unsupported_question_type_is_named(run_command, tmp_path):
    qti = """<questestinterop><assessment ident="a" title="Examen"><section ident="s">
      <item ident="ensayo"><itemmetadata><qtimetadata><qtimetadatafield><fieldlabel>cc_profile</fieldlabel>
      <fieldentry>cc.essay.v0p1</fieldentry></qtimetadatafield></qtimetadata></itemmetadata>
      <presentation><material><mattext>Explica</mattext></material></presentation></item>
      </section></assessment></questestinterop>"""
    files = one_lesson_cartridge(
        extra_items='<item identifier="q" identifierref="res-q"><title>Examen</title></item>',
        extra_resources='<resource identifier="res-q" type="imsqti_xmlv1p2/imscc_xmlv1p3/assessment">'
        '<file href="examen.xml"/></resource>',
    )
    files["examen.xml"] = qti
    report = refused(run_command, write_zip(tmp_path / "ensayo.imscc", files))
    assert "examen.xml: tipo no admitido: pregunta «ensayo» de tipo cc.essay.v0p1" in report


def test_zip_bomb_by_ratio(run_command, tmp_path):
    files = one_lesson_cartridge()
    files["relleno.html"] = b"\0" * (20 * 1024 * 1024)
    report = refused(run_command, write_zip(tmp_path / "bomba.imscc", files))
    assert "«relleno.html» se expande más de 100 veces (bomba de compresión)" in report


def test_total_size_cap(run_command, tmp_path, settings):
    settings.ACERVO_PACKAGE_MAX_BYTES = 1024 * 1024
    files = one_lesson_cartridge()
    files["video.bin"] = os.urandom(2 * 1024 * 1024)  # incompressible: only the total can catch it
    report = refused(run_command, write_zip(tmp_path / "grande.imscc", files))
    assert "el paquete descomprimido pasa de 1 MB" in report


def test_entry_count_cap(run_command, tmp_path, settings):
    settings.ACERVO_PACKAGE_MAX_ENTRIES = 50
    files = one_lesson_cartridge()
    files.update({f"basura/{n}.txt": "x" for n in range(60)})
    assert "el paquete tiene más de 50 entradas" in refused(run_command, write_zip(tmp_path / "muchas.imscc", files))


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("../fuera.html", "la entrada «../fuera.html» sale de la carpeta del paquete (..)"),
        ("/etc/cron.d/x", "la entrada «/etc/cron.d/x» tiene una ruta absoluta"),
        ("a\\..\\..\\fuera.html", "sale de la carpeta del paquete"),
    ],
)
def test_zip_entries_that_escape_the_folder(run_command, tmp_path, name, message):
    files = one_lesson_cartridge()
    files[name] = "x"
    assert message in refused(run_command, write_zip(tmp_path / "escape.imscc", files))


def test_zip_symlink_entry(run_command, tmp_path):
    path = write_zip(tmp_path / "enlace.imscc", one_lesson_cartridge())
    with zipfile.ZipFile(path, "a") as archive:
        info = zipfile.ZipInfo("leccion2.html")
        info.external_attr = 0o120777 << 16
        archive.writestr(info, "/etc/passwd")
    assert "la entrada «leccion2.html» es un enlace simbólico" in refused(run_command, path)


def test_tar_symlink_and_parent_entries(run_command, tmp_path):
    course = {"course/course.xml": '<course url_name="2026" org="o" course="c"/>'}
    linked = write_tar(tmp_path / "enlace.tar.gz", course, links=[("course/html/x.html", "/etc/passwd")])
    assert "la entrada «course/html/x.html» es un enlace" in refused(run_command, linked)
    climbing = write_tar(tmp_path / "sube.tar.gz", {**course, "course/../../fuera.xml": "<x/>"})
    assert "sale de la carpeta del paquete (..)" in refused(run_command, climbing)


def test_xml_with_external_entities(run_command, tmp_path):
    files = one_lesson_cartridge()
    files["imsmanifest.xml"] = (
        files["imsmanifest.xml"]
        .replace(
            '<?xml version="1.0" encoding="UTF-8"?>',
            '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
        )
        .replace("Curso de prueba", "&x;")
    )
    report = refused(run_command, write_zip(tmp_path / "xxe.imscc", files))
    assert "el XML declara entidades (internas o externas), que no se admiten" in report


def test_entity_expansion_in_a_weblink(run_command, tmp_path):
    laughs = '<!DOCTYPE w [<!ENTITY a "jajaja"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><webLink><title>&b;</title>'
    files = one_lesson_cartridge(
        extra_items='<item identifier="w" identifierref="res-w"><title>Enlace</title></item>',
        extra_resources='<resource identifier="res-w" type="imswl_xmlv1p3"><file href="enlace.xml"/></resource>',
    )
    files["enlace.xml"] = laughs + '<url href="https://example.org/"/></webLink>'
    report = refused(run_command, write_zip(tmp_path / "risas.imscc", files))
    assert "enlace.xml: el XML declara entidades" in report


def test_manifest_without_title_or_organisation(run_command, tmp_path):
    files = {"imsmanifest.xml": manifest("", "", title="")}
    report = refused(run_command, write_zip(tmp_path / "vacio.imscc", files))
    assert "imsmanifest.xml: el manifiesto no tiene título" in report
    assert "imsmanifest.xml: el manifiesto no tiene organización con módulos y lecciones" in report


def test_olx_pointer_that_climbs_out_of_the_package(run_command, tmp_path):
    files = {
        "course.xml": '<course url_name="run" org="o" course="c"/>',
        "course/run.xml": '<course display_name="Curso"><chapter url_name="../../etc/passwd"/></course>',
    }
    report = refused(run_command, write_tar(tmp_path / "puntero.tar.gz", files))
    assert "course/run.xml: la entrada «chapter/../../etc/passwd.xml» sale de la carpeta del paquete (..)" in report
