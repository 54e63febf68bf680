"""The source side: read-only JSON a node reads besides OAI-PMH (see docs/offline.md)."""
