"""The conformance suite on a real Elasticsearch, when ELASTICSEARCH_URL points at one."""

import os

import pytest

from .conformance import SearchConformance
from .conformance_courses import CourseSearchConformance
from .conformance_pages import BookPagesConformance

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not ELASTICSEARCH_URL, reason="ELASTICSEARCH_URL no está definido: sin Elasticsearch que probar"
    ),
]


class TestElasticsearchBackend(SearchConformance, BookPagesConformance, CourseSearchConformance):
    @pytest.fixture
    def search_backend(self, settings):
        from search import indexing
        from search.backends import get_backend

        settings.ELASTICSEARCH_URL = ELASTICSEARCH_URL
        indexing.rebuild(get_backend())  # start each test from an index holding exactly this database
        return get_backend()
