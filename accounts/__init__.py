"""Account security: two-factor verification for the admin and sign-up mail verification (docs/seguridad.md)."""
