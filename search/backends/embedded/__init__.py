"""The embedded backend (Tantivy): schema, on-disk store, queries, snippets and spelling."""

from .backend import EmbeddedBackend

__all__ = ["EmbeddedBackend"]
