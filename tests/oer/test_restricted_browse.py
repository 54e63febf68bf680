"""Browse pages count and list only public resources, and follow a view restriction at once."""

import pytest
from wagtail.models import PageViewRestriction

from oer.models import ResourcePage

pytestmark = pytest.mark.django_db


def test_grade_counts_and_lists_follow_a_restriction_set_and_cleared(
    client, run_command, write_catalog, record_factory
):
    records = [
        record_factory(external_id="prueba:p5:abierto", title="Geometría del entorno", grades=[5]),
        record_factory(external_id="prueba:p5:restringido", title="Fracciones con tiras", grades=[5]),
    ]
    assert run_command("import_catalog", str(write_catalog(records))).code == 0
    assert "Fase 5 · 2 recursos" in client.get("/recursos/primaria/").content.decode()

    page = ResourcePage.objects.get(external_id="prueba:p5:restringido")
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert "Fase 5 · 1 recurso<" in client.get("/recursos/primaria/").content.decode()
    grade = client.get("/recursos/primaria/5/").content.decode()
    assert "Geometría del entorno" in grade and "Fracciones con tiras" not in grade

    restriction.delete()
    assert "Fase 5 · 2 recursos" in client.get("/recursos/primaria/").content.decode()
    assert "Fracciones con tiras" in client.get("/recursos/primaria/5/").content.decode()
