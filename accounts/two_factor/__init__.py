"""TOTP two-factor verification for the Wagtail admin, on django-otp (docs/seguridad.md)."""
