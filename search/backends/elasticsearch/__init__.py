"""The Elasticsearch backend for the national-scale shape: analysers, documents, queries, client calls."""

from .backend import ElasticsearchBackend

__all__ = ["ElasticsearchBackend"]
