"""Open repository: curriculum taxonomy, resource pages, catalogue import/export."""
