"""Users of each editorial group and admin form data, shared by the editorial tests."""

from django.contrib.auth.models import Group, User
from django.test import Client
from wagtail.test.utils.form_data import nested_form_data, streamfield

from oer.editorial import roles


def member_of(group_name, username=None):
    """A real user in one of the editorial groups, logged in on a fresh test client."""
    user = User.objects.create_user(
        username=username or group_name.lower(),
        password="clave-de-prueba-123",
        email=f"{group_name.lower()}@sep.example",
    )
    user.groups.add(Group.objects.get(name=group_name))
    client = Client()
    client.force_login(user)
    return user, client


def editor():
    return member_of(roles.EDITORS)


def reviewer():
    return member_of(roles.REVIEWERS)


def administrator():
    return member_of(roles.ADMINISTRATORS)


def textbook_form(title="Matemáticas para imaginar. Tercer grado", external_id="prueba:editorial:1", **overrides):
    """POST data of the admin's "add textbook" form, as the browser sends it."""
    data = {
        "title": title,
        "slug": "",
        "description": "Libro de matemáticas de tercer grado.",
        "levels": ["primaria"],
        "grades": ["3"],
        "fields": ["saberes-y-pensamiento-cientifico"],
        "language": "es",
        "license": "sep-uso-educativo",
        "authors": "SEP",
        "publisher": "CONALITEG",
        "year": "2024",
        "keywords": "",
        "file_url": "https://libros.conaliteg.gob.mx/2024/P3MAA.pdf",
        "cover_url": "",
        "page_count": "",
        "file_size_bytes": "",
        "external_id": external_id,
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
    }
    data.update(nested_form_data({"body": streamfield([])}))
    data.update(overrides)
    return data
