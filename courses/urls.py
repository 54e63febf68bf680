"""Public URLs of the courses app."""

urlpatterns = []
