"""The web app manifest, the service worker at the root scope, the offline page and saved-course listings."""

from django.urls import path

from offline.web import views

urlpatterns = [
    path("manifest.webmanifest", views.manifest, name="offline-manifest"),
    path("sw.js", views.service_worker, name="offline-service-worker"),
    path("sin-conexion/", views.offline_page, name="offline-page"),
    path("cursos-sin-conexion/<int:course_id>.json", views.course_listing, name="offline-course-files"),
    path("cursos-sin-conexion/token.json", views.session_token, name="offline-session-token"),
]
