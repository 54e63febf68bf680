"""Public URLs of the media app: caption tracks served from the site's own origin."""

from django.urls import path

from .public_views import caption_track

urlpatterns = [
    path("medios/subtitulos/<int:pk>.vtt", caption_track, name="acervo_media_caption"),
]
