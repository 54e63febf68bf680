"""Operating a running site: backup and restore (see docs/operacion.md)."""
