"""Public views: caption tracks streamed from storage.

Browsers only load <track> files from the page's own origin (or with CORS), so tracks stored in
a private bucket are served through the site rather than by a signed bucket URL.

This app knows nothing of pages: the apps that show assets answer the `WITHHELD_HOOK` Wagtail
hook (called with the asset's pk) with True when the public must not get its tracks (oer: every
resource using the asset is unpublished or behind a view restriction). Editors still get them, so
the admin's preview of an unpublished page plays its captions.
"""

from botocore.exceptions import BotoCoreError, ClientError
from django.http import Http404, HttpResponse
from django.views.decorators.http import require_GET
from wagtail import hooks

from .models import CaptionTrack

WITHHELD_HOOK = "acervo_media_asset_withheld"


def _withheld(track):
    return any(hook(track.asset_id) for hook in hooks.get_hooks(WITHHELD_HOOK))


@require_GET
def caption_track(request, pk):
    track = CaptionTrack.objects.filter(pk=pk).first()
    if track is None or not track.file:
        raise Http404
    editor = request.user.has_perm("wagtailadmin.access_admin")
    if not editor and _withheld(track):
        raise Http404
    try:
        # Tracks are small (a size limit applies on upload), so one read is simplest.
        with track.file.open("rb") as handle:
            content = handle.read()
    except (OSError, BotoCoreError, ClientError):
        raise Http404 from None
    response = HttpResponse(content, content_type="text/vtt; charset=utf-8")
    # An editor may be previewing a track the public cannot get: no shared cache keeps it.
    response["Cache-Control"] = "private, no-store" if editor else "public, max-age=3600"
    return response
