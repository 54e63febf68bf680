"""Which search engine serves this process: Elasticsearch when configured, else embedded."""

from django.conf import settings

_backends = {}


def get_backend():
    url = getattr(settings, "ELASTICSEARCH_URL", "")
    index_dir = str(settings.ACERVO_SEARCH_INDEX_DIR)
    key = ("elasticsearch", url) if url else ("embedded", index_dir)
    if key not in _backends:
        if url:
            from .elasticsearch import ElasticsearchBackend

            _backends[key] = ElasticsearchBackend(url)
        else:
            from .embedded import EmbeddedBackend

            _backends[key] = EmbeddedBackend(index_dir)
    return _backends[key]
