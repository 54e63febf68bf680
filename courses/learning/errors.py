"""What a learner action can fail with; views turn these into Spanish 4xx answers."""

from django.utils.translation import gettext as _


class CourseError(Exception):
    """A learner action that cannot be done; `errors` is shown to them as is."""

    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


class NotEnrolled(CourseError):
    def __init__(self):
        super().__init__({"detail": _("Primero inscríbete en el curso.")})


class AttemptsExhausted(CourseError):
    def __init__(self):
        super().__init__({"detail": _("Ya usaste todos los intentos permitidos de este cuestionario.")})


class InvalidAnswers(CourseError):
    pass


class LessonNotFound(CourseError):
    def __init__(self):
        super().__init__({"detail": _("No existe una lección publicada con ese identificador.")})
