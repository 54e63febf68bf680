"""Public views: caption tracks streamed from storage.

Browsers only load <track> files from the page's own origin (or with CORS), so tracks stored in
a private bucket are served through the site rather than by a signed bucket URL.
"""

from botocore.exceptions import BotoCoreError, ClientError
from django.http import Http404, HttpResponse
from django.views.decorators.http import require_GET

from .models import CaptionTrack


@require_GET
def caption_track(request, pk):
    track = CaptionTrack.objects.filter(pk=pk).first()
    if track is None or not track.file:
        raise Http404
    try:
        # Tracks are small (a size limit applies on upload), so one read is simplest.
        with track.file.open("rb") as handle:
            content = handle.read()
    except (OSError, BotoCoreError, ClientError):
        raise Http404 from None
    response = HttpResponse(content, content_type="text/vtt; charset=utf-8")
    response["Cache-Control"] = "public, max-age=3600"
    return response
