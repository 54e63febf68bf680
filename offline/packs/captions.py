"""Caption tracks listed on a resource (its `captions` URLs): copied into the pack when this site holds them.

A track is held here when its address is this site's own: the caption route of an uploaded track
(/medios/subtitulos/<pk>.vtt) or a WebVTT file under MEDIA_URL in the default storage. Any other
address is only listed in the pack, as a link that needs the internet.
"""

from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.files.storage import default_storage
from django.urls import Resolver404, resolve

from acervo import public_address
from media.models import CaptionTrack
from oer import taxonomy

CAPTION_ROUTE = "acervo_media_caption"


@dataclass(frozen=True)
class HeldFile:
    """A file in storage, in the shape `PackContents.add_file` copies (storage and name)."""

    storage: object
    name: str


@dataclass
class OnlineTrack:
    language: str
    label: str
    url: str


def listed_tracks(page):
    """(language, label, url) of each caption track the resource page shows, in its order."""
    for track in getattr(page, "captions", None) or []:
        url = track.get("url") if isinstance(track, dict) else None
        if not isinstance(url, str) or not url.strip():
            continue
        language = track.get("language") or page.language
        yield language, str(taxonomy.LANGUAGES.label(language)), url.strip()


def held_file(url):
    """The stored file behind a caption address of this site; None when the bytes are elsewhere."""
    path = _site_path(url)
    if path is None:
        return None
    try:
        match = resolve(path)
    except Resolver404:
        match = None
    if match is not None and match.url_name == CAPTION_ROUTE:
        track = CaptionTrack.objects.filter(pk=match.kwargs.get("pk")).first()
        return HeldFile(track.file.storage, track.file.name) if track is not None and track.file else None
    if path.startswith(settings.MEDIA_URL):
        name = unquote(path[len(settings.MEDIA_URL) :])
        try:
            if name.lower().endswith(".vtt") and default_storage.exists(name):
                return HeldFile(default_storage, name)
        except Exception:  # a name climbing out of the storage, or a storage that cannot answer
            return None
    return None


def is_online(url):
    return urlsplit(url).scheme in ("http", "https")


def _site_path(url):
    base = public_address.base_url()
    if url.startswith(base + "/"):
        url = url[len(base) :]
    elif not url.startswith("/") or url.startswith("//"):
        return None
    return urlsplit(url).path
