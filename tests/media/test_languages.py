"""Media is a leaf: it imports nothing of the repository, yet captions can be in every catalogue language."""

import ast
from pathlib import Path

import media
from media.languages import CAPTION_LANGUAGES, language_label

PROJECT_APPS = {"oer", "courses", "search", "offline", "accounts"}


def test_media_imports_no_other_project_app():
    imports = set()
    for path in Path(media.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                imports.add((node.module.split(".")[0], path.name))
            elif isinstance(node, ast.Import):
                imports.update((alias.name.split(".")[0], path.name) for alias in node.names)
    assert not {(module, name) for module, name in imports if module in PROJECT_APPS}


def test_caption_tracks_offer_every_catalogue_language():
    from oer import taxonomy

    assert [code for code, _label in CAPTION_LANGUAGES] == [term.slug for term in taxonomy.LANGUAGES]
    assert str(language_label("mfs")) == "Lengua de Señas Mexicana (LSM)"
    assert language_label("xyz") == "xyz"
