"""Public URLs of the accounts app under /cuentas/: sign up, log in and out, password reset, mail verification."""

from django.urls import path

from accounts import page_passwords, sign_up
from accounts import views as pages
from accounts.email_verification import views as verification

urlpatterns = [
    # Wagtail's own address for a restricted page's password form, throttled (accounts/page_passwords.py).
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        page_passwords.throttled_authenticate_with_password,
    ),
    path("cuentas/registro/", sign_up.sign_up, name="sign-up"),
    path("cuentas/registro/enviado/", sign_up.sign_up_sent, name="sign-up-sent"),
    path("cuentas/entrar/", pages.log_in, name="log-in"),
    path("cuentas/salir/", pages.log_out, name="log-out"),
    path("cuentas/contrasena/", pages.password_reset, name="password-reset"),
    path("cuentas/contrasena/enviado/", pages.password_reset_done, name="password-reset-done"),
    path("cuentas/contrasena/<uidb64>/<token>/", pages.password_reset_confirm, name="password-reset-confirm"),
    path("cuentas/contrasena/listo/", pages.password_reset_complete, name="password-reset-complete"),
    path("cuentas/verificar/", verification.sent, name="email-verification-sent"),
    path("cuentas/verificar/reenviado/", verification.resent, name="email-verification-resent"),
    path("cuentas/verificar/<str:token>/", verification.confirm, name="email-verification-confirm"),
]
