"""The repository documents itself: every docs/ file that code or docs point to is in docs/.

Comments and docstrings point readers to docs/<name>.md; a pointer to a file that is not in the
repository (a design note kept elsewhere, a renamed page) leaves the reader with nothing.
"""

import os
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
SCANNED_SUFFIXES = {".py", ".html", ".md"}
# Installed packages, local state and tool caches are not the repository's own text.
SKIPPED_DIRS = {".venv", "node_modules", "var", "__pycache__"}

# Written with an escape so this file does not match its own pattern.
OUTSIDE_DESIGN_RE = re.compile(r"\bDESIGN(?:\s*\u00a7|\.md\b)")
DOCS_PATH_RE = re.compile(r"(?<![\w.-])docs/([\w./-]+?\.md)\b")
MARKDOWN_LINK_RE = re.compile(r"\]\(([^)#\s]+\.md)(?:#[^)\s]*)?\)")


def repository_files():
    for folder, subfolders, names in os.walk(ROOT):
        subfolders[:] = sorted(name for name in subfolders if name not in SKIPPED_DIRS and not name.startswith("."))
        for name in sorted(names):
            if Path(name).suffix in SCANNED_SUFFIXES:
                yield Path(folder) / name


def numbered_lines(path):
    yield from enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), start=1)


def test_no_file_cites_a_design_note_outside_the_repository():
    citations = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in repository_files()
        for number, line in numbered_lines(path)
        if OUTSIDE_DESIGN_RE.search(line)
    ]
    assert not citations, "Cite docs/<archivo>.md instead of the design note:\n" + "\n".join(citations)


def test_every_cited_docs_file_exists():
    missing = [
        f"{path.relative_to(ROOT)}:{number}: docs/{name}"
        for path in repository_files()
        for number, line in numbered_lines(path)
        for name in DOCS_PATH_RE.findall(line)
        if not (DOCS / name).is_file()
    ]
    assert not missing, "These docs/ files do not exist:\n" + "\n".join(missing)


def test_links_between_docs_pages_resolve():
    broken = [
        f"{page.relative_to(ROOT)}:{number}: {target}"
        for page in sorted(DOCS.rglob("*.md"))
        for number, line in numbered_lines(page)
        for target in MARKDOWN_LINK_RE.findall(line)
        if not target.startswith(("http://", "https://")) and not (page.parent / target).resolve().is_file()
    ]
    assert not broken, "Broken links in docs/:\n" + "\n".join(broken)


def test_docs_index_lists_every_page():
    index = (DOCS / "README.md").read_text(encoding="utf-8")
    linked = set(MARKDOWN_LINK_RE.findall(index))
    pages = {page.name for page in DOCS.glob("*.md") if page.name != "README.md"}
    assert pages <= linked, f"docs/README.md does not link: {sorted(pages - linked)}"
