"""Search over the catalogue: index documents, backends, durable indexing queue and the API."""
