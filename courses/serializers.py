"""Shapes of the learner API (see docs/api-aprendizaje.md): request validation and documented responses."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from courses.models.learner import ProgressStatus

MAX_POSITION_SECONDS = 24 * 60 * 60  # nothing in a lesson lasts longer than a day


class CourseListItemSerializer(serializers.Serializer):
    slug = serializers.CharField()
    title = serializers.CharField()
    track = serializers.CharField()
    summary = serializers.CharField()
    hours = serializers.IntegerField()
    lesson_count = serializers.IntegerField()
    url = serializers.CharField()


class LessonItemSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    required = serializers.BooleanField()
    quiz = serializers.IntegerField(allow_null=True)
    url = serializers.CharField()


class ModuleItemSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    lessons = LessonItemSerializer(many=True)


class CourseDetailSerializer(CourseListItemSerializer):
    description = serializers.CharField()
    prerequisites = serializers.CharField()
    modules = ModuleItemSerializer(many=True)


class EnrolmentSerializer(serializers.Serializer):
    course = serializers.CharField()
    enrolled_at = serializers.DateTimeField()
    percent_complete = serializers.IntegerField()


class ProgressInputSerializer(serializers.Serializer):
    status = serializers.ChoiceField(
        choices=ProgressStatus.choices,
        error_messages={"invalid_choice": _("«{input}» no es un estado válido: usa in_progress o completed.")},
    )
    position_seconds = serializers.IntegerField(
        required=False, min_value=0, max_value=MAX_POSITION_SECONDS, allow_null=True
    )


class CertificateRefSerializer(serializers.Serializer):
    code = serializers.CharField()
    url = serializers.CharField()


class ProgressSerializer(serializers.Serializer):
    lesson_id = serializers.IntegerField()
    status = serializers.CharField()
    position_seconds = serializers.IntegerField()
    percent_complete = serializers.IntegerField()
    certificate = CertificateRefSerializer(allow_null=True)


class ChoiceSerializer(serializers.Serializer):
    id = serializers.CharField()
    text = serializers.CharField()


class QuestionSerializer(serializers.Serializer):
    id = serializers.CharField()
    text = serializers.CharField()
    multiple = serializers.BooleanField()
    choices = ChoiceSerializer(many=True)


class QuizSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    lesson_id = serializers.IntegerField()
    questions = QuestionSerializer(many=True)
    max_attempts = serializers.IntegerField()
    pass_score = serializers.FloatField()
    attempts_used = serializers.IntegerField()


class AttemptInputSerializer(serializers.Serializer):
    answers = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField(max_length=64), max_length=50),
        help_text=_("Para cada id de pregunta, la lista de ids de las opciones elegidas."),
    )

    def validate_answers(self, value):
        if len(value) > 200:
            raise serializers.ValidationError(_("Demasiadas respuestas."))
        return value


class AttemptSerializer(serializers.Serializer):
    attempt = serializers.IntegerField()
    score = serializers.FloatField()
    passed = serializers.BooleanField()
    results = serializers.DictField(child=serializers.BooleanField())
    attempts_left = serializers.IntegerField(allow_null=True)
    percent_complete = serializers.IntegerField()
    certificate = CertificateRefSerializer(allow_null=True)


class ResumeSerializer(serializers.Serializer):
    lesson_id = serializers.IntegerField()
    title = serializers.CharField()
    position_seconds = serializers.IntegerField()
    url = serializers.CharField()


class CourseRefSerializer(serializers.Serializer):
    slug = serializers.CharField()
    title = serializers.CharField()
    url = serializers.CharField()


class MyCourseSerializer(serializers.Serializer):
    course = CourseRefSerializer()
    enrolled_at = serializers.DateTimeField()
    completed_at = serializers.DateTimeField(allow_null=True)
    percent_complete = serializers.IntegerField()
    resume = ResumeSerializer(allow_null=True)
    certificate = CertificateRefSerializer(allow_null=True)


class ErrorSerializer(serializers.Serializer):
    errors = serializers.DictField()
