"""Public URLs of the courses app: learner API, learning pages, certificates and the issuer DID."""

from django.urls import path, re_path

from courses.views import api as api_views
from courses.views import certificates, learning

CODE = r"(?P<code>[A-Za-z0-9]{8,32})"

urlpatterns = [
    path("api/v1/courses/", api_views.CourseListView.as_view(), name="courses-api-list"),
    path("api/v1/courses/<slug:slug>/", api_views.CourseDetailView.as_view(), name="courses-api-detail"),
    path("api/v1/courses/<slug:slug>/enrolment/", api_views.EnrolmentView.as_view(), name="courses-api-enrolment"),
    path(
        "api/v1/lessons/<int:lesson_id>/progress/", api_views.LessonProgressView.as_view(), name="courses-api-progress"
    ),
    path("api/v1/quizzes/<int:quiz_id>/", api_views.QuizView.as_view(), name="courses-api-quiz"),
    path("api/v1/quizzes/<int:quiz_id>/attempts/", api_views.QuizAttemptsView.as_view(), name="courses-api-attempts"),
    path("api/v1/me/", api_views.MeView.as_view(), name="courses-api-me"),
    path("api/v1/me/courses/", api_views.MyCoursesView.as_view(), name="courses-api-my-courses"),
    path("api/v1/me/export/", api_views.MyExportView.as_view(), name="courses-api-export"),
    path("mi-aprendizaje/", learning.dashboard, name="learning-dashboard"),
    path("mi-aprendizaje/inscribir/<slug:slug>/", learning.enrol, name="learning-enrol"),
    path("mi-aprendizaje/lecciones/<int:lesson_id>/completar/", learning.complete_lesson, name="learning-complete"),
    path("mi-aprendizaje/cuestionarios/<int:quiz_id>/intentos/", learning.submit_quiz, name="learning-quiz"),
    path("mi-aprendizaje/mis-datos.json", learning.download_my_data, name="learning-export"),
    path("mi-aprendizaje/eliminar-cuenta/", learning.delete_account, name="learning-delete"),
    re_path(rf"^certificados/{CODE}/$", certificates.certificate_page, name="certificate"),
    re_path(rf"^certificados/{CODE}\.json$", certificates.certificate_json, name="certificate-json"),
    re_path(rf"^certificados/{CODE}\.pdf$", certificates.certificate_pdf, name="certificate-pdf"),
    re_path(rf"^certificados/{CODE}\.jwt$", certificates.certificate_jwt, name="certificate-jwt"),
    re_path(rf"^certificados/{CODE}\.png$", certificates.certificate_png, name="certificate-png"),
    path("certificados/estado/<int:number>.jwt", certificates.revocation_list, name="certificate-status-list"),
    path(".well-known/did.json", certificates.did_document, name="issuer-did"),
]
