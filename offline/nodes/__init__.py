"""Community nodes: mirror another Acervo's published catalogue and courses (see docs/offline.md)."""
