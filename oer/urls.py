"""Public URLs of the oer app: the OAI-PMH provider, open data, the partner API and stored files."""

from django.urls import path, re_path

from oer.oai import views as oai_views
from oer.opendata import views as opendata_views
from oer.opendata.api import api_router
from oer.opendata.feeds import NewResourcesFeed
from oer.reader import views as reader_views

urlpatterns = [
    path("oai/", oai_views.endpoint, name="oai"),
    path("datos/", opendata_views.index, name="open-data"),
    path("datos/LEEME.txt", opendata_views.readme, name="open-data-readme"),
    path("datos/novedades.atom", NewResourcesFeed(), name="open-data-feed"),
    re_path(
        r"^datos/catalogo-(?P<date>\d{4}-\d{2}-\d{2})\.(?P<fmt>jsonl|csv)$",
        opendata_views.download,
        name="open-data-dump",
    ),
    path("api/v2/", api_router.urls),
    # Before Wagtail's page serving: a resource's file and its reader, beside the resource page.
    path("recursos/<str:slug>/archivo", reader_views.stored_file, name="resource-file"),
    path("recursos/<str:slug>/leer/", reader_views.reader, name="resource-reader"),
]
