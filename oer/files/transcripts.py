"""Captions as transcripts: a video or audio resource without a transcript gets its captions' text."""

import io

import webvtt
from django.db.models import Q

from media.models import CaptionTrack
from oer.models import AudioLessonPage, VideoLessonPage


def caption_text(track):
    """The cue text of a stored WebVTT track, consecutive repeats dropped (roll-up captions repeat lines)."""
    with track.file.open("rb") as handle:
        text = handle.read().decode("utf-8", "replace").lstrip("\ufeff")
    lines = []
    for caption in webvtt.from_buffer(io.StringIO(text)):
        for line in caption.text.splitlines():
            line = line.strip()
            if line and (not lines or lines[-1] != line):
                lines.append(line)
    return " ".join(lines)


def _best_track(page):
    tracks = list(CaptionTrack.objects.filter(asset_id=page.media_asset_id).order_by("sort_order", "pk"))
    for track in tracks:
        if track.language == page.language:
            return track
    return tracks[0] if tracks else None


def fill_missing_transcripts():
    """Give every live timed resource without a transcript the text of its stored captions; returns how many."""
    from . import api

    filled = 0
    for cls in (VideoLessonPage, AudioLessonPage):
        candidates = cls.objects.live().filter(Q(transcript="") & Q(media_asset__captions__isnull=False)).distinct()
        for page in candidates:
            track = _best_track(page)
            if track is None:
                continue
            try:
                text = caption_text(track)
            except Exception:  # an unreadable track leaves the resource as it was
                continue
            if not text:
                continue
            api.set_derived(page, transcript=text)
            filled += 1
    return filled
