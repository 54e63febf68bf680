"""Optional mail verification at sign-up (ACERVO_REQUIRE_EMAIL_VERIFICATION, docs/seguridad.md)."""
