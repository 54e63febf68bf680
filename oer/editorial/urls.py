"""Admin URLs of the editorial tools, mounted under /admin/ by oer.wagtail_hooks."""

from django.urls import path

from .views import CatalogImportView, ConfirmCatalogImportView

app_name = "oer_editorial"
urlpatterns = [
    path("", CatalogImportView.as_view(), name="import"),
    path("confirmar/", ConfirmCatalogImportView.as_view(), name="import_confirm"),
]
