"""A lesson's quiz, edited inline on the lesson; its questions and choices are stream blocks with stable ids."""

from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable

from courses.blocks import QuestionsBlock


class Choice(NamedTuple):
    id: str
    text: str
    correct: bool


class Question(NamedTuple):
    id: str
    text: str
    choices: list  # of Choice
    multiple: bool  # more than one right choice: the learner ticks boxes, not a radio button


class Quiz(Orderable):
    """A server-graded quiz: single- and multiple-choice questions, a pass score and an attempt limit."""

    lesson = ParentalKey("courses.LessonPage", on_delete=models.CASCADE, related_name="quizzes")
    title = models.CharField(max_length=200, default=_("Cuestionario"), verbose_name=_("Título"))
    pass_score = models.DecimalField(
        max_digits=3,
        decimal_places=2,
        default=0.8,
        verbose_name=_("Calificación aprobatoria"),
        help_text=_("Proporción de preguntas correctas para aprobar, de 0 a 1 (p. ej. 0.8)."),
    )
    max_attempts = models.PositiveSmallIntegerField(
        default=3, verbose_name=_("Intentos permitidos"), help_text=_("0 significa intentos ilimitados.")
    )
    questions = StreamField(QuestionsBlock(), verbose_name=_("Preguntas"))

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("pass_score"), FieldPanel("max_attempts")]),
        FieldPanel("questions"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("Cuestionario")
        verbose_name_plural = _("Cuestionarios")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if not 0 < self.pass_score <= 1:
            raise ValidationError({"pass_score": _("La calificación aprobatoria debe estar entre 0 y 1.")})
        for block in self.questions:
            if not any(choice["correct"] for choice in block.value["choices"]):
                raise ValidationError({"questions": _("Cada pregunta necesita al menos una opción correcta.")})

    def question_items(self):
        """The questions as `Question`s, with their `Choice`s, in order."""
        items = []
        for block in self.questions:
            choices = [
                Choice(str(child.id), child.value["text"], bool(child.value["correct"]))
                for child in block.value["choices"].bound_blocks
            ]
            multiple = sum(1 for choice in choices if choice.correct) > 1
            items.append(Question(str(block.id), block.value["text"], choices, multiple))
        return items
