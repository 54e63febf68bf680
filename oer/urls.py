"""Public URLs of the oer app."""

urlpatterns = []
