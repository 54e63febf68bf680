"""The node export under /nodos/ (see docs/offline.md)."""

from django.urls import path

from .export import views

urlpatterns = [
    path("nodos/", views.descriptor, name="node-descriptor"),
    path("nodos/recursos.json", views.resource_records, name="node-records"),
    path("nodos/cursos.json", views.course_catalogue, name="node-courses"),
    path("nodos/cursos/<slug:slug>.json", views.course, name="node-course"),
]
