"""The learner API (see docs/api-aprendizaje.md): thin DRF views over `courses.api`."""

from django.contrib.auth import logout
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from courses import api
from courses import serializers as s
from courses.views.api_errors import errors_exception_handler, not_found

ERRORS = OpenApiResponse(s.ErrorSerializer, description=_("Errores en español"))


class LearnerAPIView(APIView):
    permission_classes = [IsAuthenticated]

    def get_exception_handler(self):
        return errors_exception_handler


def _course_or_404(slug):
    course = api.course_by_slug(slug)
    if course is None:
        not_found(_("No existe un curso publicado con ese identificador."))
    return course


def _course_item(course, request):
    return {
        "slug": course.slug,
        "title": course.title,
        "track": course.track.title,
        "summary": course.summary,
        "hours": course.hours,
        "lesson_count": course.lessons.count(),
        "url": course.get_url(request=request),
    }


class CourseListView(LearnerAPIView):
    permission_classes = [AllowAny]

    @extend_schema(responses={200: s.CourseListItemSerializer(many=True)}, summary=_("Catálogo de cursos"))
    def get(self, request):
        return Response([_course_item(course, request) for course in api.published_courses()])


class CourseDetailView(LearnerAPIView):
    permission_classes = [AllowAny]

    @extend_schema(
        responses={200: s.CourseDetailSerializer, 404: ERRORS}, summary=_("Un curso con sus módulos y lecciones")
    )
    def get(self, request, slug):
        course = _course_or_404(slug)
        modules = []
        for module in course.modules:
            modules.append(
                {
                    "id": module.pk,
                    "title": module.title,
                    "lessons": [
                        {
                            "id": lesson.pk,
                            "title": lesson.title,
                            "required": lesson.required,
                            "quiz": lesson.quiz.pk if lesson.quiz else None,
                            "url": lesson.get_url(request=request),
                        }
                        for lesson in module.lessons
                    ],
                }
            )
        data = _course_item(course, request)
        data.update(description=course.description, prerequisites=course.prerequisites, modules=modules)
        return Response(data)


class EnrolmentView(LearnerAPIView):
    @extend_schema(
        request=None,
        responses={201: s.EnrolmentSerializer, 200: s.EnrolmentSerializer, 403: ERRORS, 404: ERRORS},
        summary=_("Inscribirse en un curso (idempotente)"),
    )
    def post(self, request, slug):
        course = _course_or_404(slug)
        enrolment, created = api.enroll(request.user, course)
        data = {
            "course": course.slug,
            "enrolled_at": enrolment.created_at.isoformat(),
            "percent_complete": api.percent_complete(request.user, course),
        }
        return Response(data, status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)


class LessonProgressView(LearnerAPIView):
    @extend_schema(
        request=s.ProgressInputSerializer,
        responses={200: s.ProgressSerializer, 400: ERRORS, 403: ERRORS, 404: ERRORS},
        summary=_("Guardar el avance en una lección (idempotente)"),
    )
    def put(self, request, lesson_id):
        if not api.is_published_lesson(lesson_id):
            raise api.LessonNotFound()
        body = s.ProgressInputSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        progress, outcome = api.record_progress(
            request.user, lesson_id, body.validated_data["status"], body.validated_data.get("position_seconds")
        )
        return Response(
            {
                "lesson_id": lesson_id,
                "status": progress.status,
                "position_seconds": progress.position_seconds,
                **outcome,
            }
        )


def _quiz_or_404(quiz_id):
    quiz = api.published_quiz(quiz_id)
    if quiz is None:
        not_found(_("No existe un cuestionario publicado con ese identificador."))
    return quiz


class QuizView(LearnerAPIView):
    @extend_schema(
        responses={200: s.QuizSerializer, 403: ERRORS, 404: ERRORS},
        summary=_("Preguntas de un cuestionario, sin respuestas"),
    )
    def get(self, request, quiz_id):
        return Response(api.quiz_for_learner(request.user, _quiz_or_404(quiz_id)))


class QuizAttemptsView(LearnerAPIView):
    @extend_schema(
        request=s.AttemptInputSerializer,
        responses={201: s.AttemptSerializer, 400: ERRORS, 403: ERRORS, 404: ERRORS, 409: ERRORS},
        summary=_("Enviar un intento; se califica en el servidor"),
    )
    def post(self, request, quiz_id):
        quiz = _quiz_or_404(quiz_id)
        body = s.AttemptInputSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        attempt, outcome = api.submit_attempt(request.user, quiz, body.validated_data["answers"])
        attempts_left = max(quiz.max_attempts - attempt.number, 0) if quiz.max_attempts else None
        return Response(
            {
                "attempt": attempt.number,
                "score": float(attempt.score),
                "passed": attempt.passed,
                "results": attempt.results,
                "attempts_left": attempts_left,
                **outcome,
            },
            status=status.HTTP_201_CREATED,
        )


class MyCoursesView(LearnerAPIView):
    @extend_schema(
        responses={200: s.MyCourseSerializer(many=True), 403: ERRORS}, summary=_("Mis cursos, avance y certificados")
    )
    def get(self, request):
        return Response(api.my_courses(request.user, request))


class MyExportView(LearnerAPIView):
    @extend_schema(responses={200: dict, 403: ERRORS}, summary=_("Todos mis datos (derecho de acceso)"))
    def get(self, request):
        return Response(api.export_learner_data(request.user))


class MeView(LearnerAPIView):
    @extend_schema(
        request=None, responses={204: None, 403: ERRORS}, summary=_("Eliminar mi cuenta y mis datos personales")
    )
    def delete(self, request):
        user = request.user
        api.delete_learner(user)
        logout(request._request)
        return Response(status=status.HTTP_204_NO_CONTENT)
