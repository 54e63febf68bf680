"""Public URLs of the accounts app: mail verification at sign-up."""

from django.urls import path

from accounts.email_verification import views

urlpatterns = [
    path("cuentas/verificar/", views.sent, name="email-verification-sent"),
    path("cuentas/verificar/reenviado/", views.resent, name="email-verification-resent"),
    path("cuentas/verificar/<str:token>/", views.confirm, name="email-verification-confirm"),
]
