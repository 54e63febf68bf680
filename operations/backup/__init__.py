"""Backups of a whole instance: the database and every stored file in one tar with a manifest of digests.

The archive layout and the manifest fields are described in docs/operacion.md ("Copias de seguridad").
"""
