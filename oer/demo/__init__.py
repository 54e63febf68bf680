"""Demo content shipped with Acervo: a catalogue of real SEP titles as JSON Lines."""

from pathlib import Path

CATALOG_PATH = Path(__file__).resolve().parent / "catalog.jsonl"


def load_catalog(stdout):
    """Import the demo catalogue; a second run finds every record unchanged and writes nothing."""
    from oer.catalog.importer import import_file

    report = import_file(CATALOG_PATH)
    if not report.ok:
        raise RuntimeError("\n".join(report.error_lines()))
    stdout.write(
        f"Catálogo de demostración: {report.created} creados, {report.updated} actualizados, "
        f"{report.unchanged} sin cambios."
    )
