"""The conformance suite on the embedded engine (Tantivy): always runs."""

import pytest

from .conformance import SearchConformance
from .conformance_courses import CourseSearchConformance
from .conformance_pages import BookPagesConformance

pytestmark = pytest.mark.django_db


class TestEmbeddedBackend(SearchConformance, BookPagesConformance, CourseSearchConformance):
    @pytest.fixture
    def search_backend(self, embedded_search):
        return embedded_search
