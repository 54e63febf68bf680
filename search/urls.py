"""Public URLs of the search app."""

urlpatterns = []
