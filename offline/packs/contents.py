"""What goes into a pack: the grade's published resources, their stored files and pack paths.

Nothing is read or written here: a `PackContents` names every page to render and every stored
file to copy (by storage and name), so the writer can stream them one by one.
"""

import os
from collections import OrderedDict
from dataclasses import dataclass, field

from oer import browse, taxonomy
from oer.models import ResourcePage

from . import captions

COVER_FILTER = "width-300"
POSTER_FILTER = "width-640"


@dataclass(frozen=True)
class PackFile:
    """A stored file copied into the pack at `path` (relative to the pack's root)."""

    path: str
    storage: object
    name: str


@dataclass
class Track:
    language: str
    label: str
    path: str


@dataclass
class ResourceEntry:
    """One resource's page in the pack and the pack paths of its files."""

    page: ResourcePage
    path: str
    file: str = ""
    mime_type: str = ""
    size_bytes: int = 0
    cover: str = ""
    poster: str = ""
    tracks: list = field(default_factory=list)
    online_tracks: list = field(default_factory=list)  # captions.OnlineTrack, only reachable online

    @property
    def media_tag(self):
        if self.mime_type.startswith("video/"):
            return "video"
        if self.mime_type.startswith("audio/"):
            return "audio"
        return ""

    @property
    def needs_internet(self):
        return not self.file and bool(self.page.file_url)


class PackContents:
    """The registry of a pack: resource pages by page pk, and stored files once each."""

    def __init__(self, level, grade):
        self.level, self.grade = level, grade
        self.resources = OrderedDict()
        self.files = OrderedDict()
        self.groups = []
        self.course = None

    def add_file(self, field_file, path):
        """Copy this stored file at `path` unless it is already in the pack; its pack path."""
        key = (id(field_file.storage), field_file.name)
        if key not in self.files:
            self.files[key] = PackFile(path, field_file.storage, field_file.name)
        return self.files[key].path

    def add_resource(self, page):
        """The entry of a resource (added with its files on first sight); `page` must be specific."""
        if page.pk in self.resources:
            return self.resources[page.pk]
        entry = ResourceEntry(page=page, path=f"recursos/{page.slug}.html")
        self.resources[page.pk] = entry
        stored = page.stored_file
        asset = getattr(page, "media_asset", None)
        if asset is not None and asset.file:
            entry.file = self.add_file(asset.file, f"archivos/{page.slug}{_extension(asset.file.name)}")
            entry.mime_type = asset.content_type or f"{asset.kind}/mp4"
            entry.size_bytes = asset.size_bytes or 0
            if asset.poster:
                entry.poster = self._image(asset.poster, POSTER_FILTER, f"archivos/{page.slug}-cartel")
            for track in asset.captions.all():
                path = self.add_file(track.file, f"archivos/{page.slug}-{track.language}-{track.pk}.vtt")
                entry.tracks.append(Track(track.language, track.language_label, path))
        elif stored is not None and stored.file:
            entry.file = self.add_file(stored.file, f"archivos/{page.slug}{_extension(stored.file.name)}")
            entry.mime_type, entry.size_bytes = stored.mime_type, stored.size_bytes
        if asset is None or not asset.file:
            self._listed_tracks(entry, page)
        if stored is not None and stored.cover:
            entry.cover = self._image(stored.cover, COVER_FILTER, f"archivos/{page.slug}-portada")
        return entry

    def _listed_tracks(self, entry, page):
        """The caption URLs the public page plays with a stored or linked file: copied when held here."""
        for number, (language, label, url) in enumerate(captions.listed_tracks(page), start=1):
            held = captions.held_file(url)
            if held is not None:
                path = self.add_file(held, f"archivos/{page.slug}-{language}-{number}.vtt")
                entry.tracks.append(Track(language, label, path))
            elif captions.is_online(url):
                entry.online_tracks.append(captions.OnlineTrack(language, label, url))

    def add_document(self, document):
        name = os.path.basename(document.file.name)
        return self.add_file(document.file, f"archivos/documentos/{document.pk}-{name}")

    def _image(self, image, spec, stem):
        rendition = image.get_rendition(spec)
        return self.add_file(rendition.file, stem + _extension(rendition.file.name))

    def entry_for_slug(self, slug):
        return next((entry for entry in self.resources.values() if entry.page.slug == slug), None)


def _extension(name):
    return os.path.splitext(name)[1].lower()


def specific_pages(pks):
    """Live resources by pk, as their concrete type, with their stored file and media asset."""
    pages = ResourcePage.objects.filter(pk__in=list(pks)).specific()
    return {page.pk: page for page in pages}


def grade_contents(level, grade):
    """The pack contents of a grade: its resources grouped by campo formativo, then by type."""
    contents = PackContents(level, grade)
    groups = browse.grouped_resources(level, grade)
    pages = specific_pages(r.pk for group in groups for r in group["resources"])
    for group in groups:
        by_type = OrderedDict((term.slug, []) for term in taxonomy.RESOURCE_TYPES)
        for resource in group["resources"]:
            by_type.setdefault(resource.kind, []).append(contents.add_resource(pages[resource.pk]))
        contents.groups.append(
            {
                "label": group["label"],
                "slug": group["slug"],
                "count": len(group["resources"]),
                "types": [
                    {"slug": slug, "label": taxonomy.RESOURCE_TYPES.label(slug), "entries": entries}
                    for slug, entries in by_type.items()
                    if entries
                ],
            }
        )
    return contents
