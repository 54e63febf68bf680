"""The learner's records: enrolment, lesson progress, quiz attempts and certificates (plain models)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Enrolment(models.Model):
    """A learner taking a course; its row is also the lock that serialises the learner's writes."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments")
    course = models.ForeignKey("courses.CoursePage", on_delete=models.CASCADE, related_name="enrolments")
    created_at = models.DateTimeField(auto_now_add=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("Inscripción")
        verbose_name_plural = _("Inscripciones")
        constraints = [models.UniqueConstraint(fields=["user", "course"], name="courses_one_enrolment_per_course")]


class ProgressStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", _("En curso")
    COMPLETED = "completed", _("Completada")


class LessonProgress(models.Model):
    """One summary row per learner and lesson: status and where they stopped."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_progress")
    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.CASCADE, related_name="progress")
    status = models.CharField(max_length=20, choices=ProgressStatus.choices, default=ProgressStatus.IN_PROGRESS)
    position_seconds = models.PositiveIntegerField(default=0)
    started_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("Avance de lección")
        verbose_name_plural = _("Avances de lección")
        constraints = [models.UniqueConstraint(fields=["user", "lesson"], name="courses_one_progress_per_lesson")]


class QuizAttempt(models.Model):
    """One graded submission; numbers are unique per learner and quiz so an attempt is never doubled."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts")
    quiz = models.ForeignKey("courses.Quiz", on_delete=models.CASCADE, related_name="attempts")
    number = models.PositiveSmallIntegerField()
    answers = models.JSONField(default=dict)
    results = models.JSONField(default=dict)
    score = models.DecimalField(max_digits=4, decimal_places=3)
    passed = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Intento de cuestionario")
        verbose_name_plural = _("Intentos de cuestionario")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["user", "quiz", "number"], name="courses_one_attempt_per_number")
        ]


class Certificate(models.Model):
    """Proof that a course was completed; outlives the account, without the holder's name."""

    code = models.CharField(max_length=32, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="certificates"
    )
    course = models.ForeignKey("courses.CoursePage", null=True, on_delete=models.SET_NULL, related_name="certificates")
    # Snapshots: the certificate says what was true when it was issued.
    holder_name = models.CharField(max_length=300, blank=True)
    course_title = models.CharField(max_length=255)
    course_hours = models.PositiveSmallIntegerField(default=0)
    track_title = models.CharField(max_length=255, blank=True)
    issued_at = models.DateTimeField(auto_now_add=True)
    # Its bit in the published revocation lists (courses.credentials.status_list): list = index // size.
    status_index = models.PositiveIntegerField(unique=True, null=True, editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False, verbose_name=_("Revocado el"))
    revocation_reason = models.CharField(max_length=500, blank=True, verbose_name=_("Motivo de la revocación"))

    class Meta:
        verbose_name = _("Certificado")
        verbose_name_plural = _("Certificados")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course"], condition=Q(user__isnull=False), name="courses_one_certificate_per_course"
            )
        ]

    def __str__(self):
        return self.code
