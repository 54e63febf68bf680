"""The course catalogue page at /cursos/, created once under the home page."""

from django.db import transaction
from django.utils.translation import gettext as _

from courses.models import CourseIndexPage
from oer.editorial.workflow import assign_editorial_workflow


@transaction.atomic
def ensure_course_index():
    from oer.site import ensure_home

    index = CourseIndexPage.objects.first()
    if index is None:
        index = CourseIndexPage(
            title=_("Cursos"),
            slug="cursos",
            intro=_("Formación docente y cursos para personas adultas, a tu ritmo, con constancia al terminar."),
        )
        ensure_home().add_child(instance=index)
        index.save_revision().publish()
    # Nothing an editor writes in the course section goes live without review either.
    assign_editorial_workflow(index)
    return index
