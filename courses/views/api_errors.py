"""One error shape for the learner API: `{"errors": {...}}` in Spanish, whatever went wrong."""

from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from courses import api

COURSE_ERROR_STATUS = {
    api.NotEnrolled: status.HTTP_403_FORBIDDEN,
    api.AttemptsExhausted: status.HTTP_409_CONFLICT,
    api.InvalidAnswers: status.HTTP_400_BAD_REQUEST,
    api.LessonNotFound: status.HTTP_404_NOT_FOUND,
}


def errors_exception_handler(exc, context):
    if isinstance(exc, api.CourseError):
        return Response({"errors": exc.errors}, status=COURSE_ERROR_STATUS.get(type(exc), 400))
    if isinstance(exc, Http404):
        return Response({"errors": {"detail": str(exc) or _("No encontrado.")}}, status=404)
    response = exception_handler(exc, context)
    if response is not None:
        data = response.data
        response.data = {"errors": data if isinstance(data, dict) else {"detail": data}}
    return response


def not_found(message):
    raise Http404(message)
