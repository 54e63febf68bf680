"""Public URLs of the media app."""

urlpatterns = []
