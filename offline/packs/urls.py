"""Public URLs of the offline packs."""

from django.urls import re_path

from . import views

urlpatterns = [
    re_path(
        r"^paquetes/(?P<level>[a-z]+(?:-[a-z]+)*)-(?P<grade>[0-9]{1,2})\.zip$", views.download, name="offline-pack"
    ),
]
