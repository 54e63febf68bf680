"""Public URLs of the search app: the JSON API, its OpenAPI schema and the /buscar/ page."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from . import api, views

urlpatterns = [
    path("api/v1/search/", api.SearchAPIView.as_view(), name="search-api"),
    path("api/v1/search/suggest/", api.SuggestAPIView.as_view(), name="search-suggest-api"),
    path("api/v1/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("buscar/", views.search_page, name="search"),
]
