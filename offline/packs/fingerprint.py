"""The content fingerprint of a grade: it changes exactly when that grade's pack would change."""

import hashlib

from media.models import CaptionTrack, StoredFile
from oer import browse
from oer.models import AudioLessonPage, VideoLessonPage

# Bumped when the pack's layout or pages change, so every pack is rebuilt once.
PACK_FORMAT = "2"


def grade_fingerprint(level, grade):
    """sha256 over the grade's published resources: ids, publication times and their files' digests."""
    resources = browse.resources_for(level, grade)
    pks = [resource.pk for resource in resources]
    stored_ids = {resource.stored_file_id for resource in resources if resource.stored_file_id}
    stored = {
        row[0]: row[1:] for row in StoredFile.objects.filter(pk__in=stored_ids).values_list("pk", "sha256", "cover_id")
    }
    assets = {}
    for model in (VideoLessonPage, AudioLessonPage):
        rows = model.objects.filter(pk__in=pks, media_asset__isnull=False).values_list(
            "pk", "media_asset_id", "media_asset__file", "media_asset__poster_id"
        )
        assets.update({row[0]: row[1:] for row in rows})
    tracks = {}
    for asset_id, track_id, name in CaptionTrack.objects.filter(
        asset_id__in=[asset[0] for asset in assets.values()]
    ).values_list("asset_id", "pk", "file"):
        tracks.setdefault(asset_id, []).append((track_id, name))
    hasher = hashlib.sha256(f"{PACK_FORMAT}|{level}|{grade}".encode())
    for resource in sorted(resources, key=lambda r: r.pk):
        asset = assets.get(resource.pk)
        parts = [
            resource.pk,
            resource.last_published_at.isoformat() if resource.last_published_at else "",
            stored.get(resource.stored_file_id),
            asset,
            sorted(tracks.get(asset[0], [])) if asset else None,
        ]
        hasher.update(repr(parts).encode())
    return hasher.hexdigest()
