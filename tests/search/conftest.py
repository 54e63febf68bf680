"""Search fixtures: a private embedded index per test and a small imported catalogue."""

import pytest


@pytest.fixture
def embedded_search(settings, tmp_path):
    """Route every search through the embedded engine in a fresh folder."""
    settings.ELASTICSEARCH_URL = ""
    settings.ACERVO_SEARCH_INDEX_DIR = tmp_path / "search-index"
    return settings.ACERVO_SEARCH_INDEX_DIR


@pytest.fixture
def import_records(write_catalog, run_command):
    """Import catalogue records the way editors do (import_catalog), which also indexes them."""

    def run(records):
        result = run_command("import_catalog", str(write_catalog(records)))
        assert result.code == 0, result.stderr
        return result

    return run


@pytest.fixture
def search_api(client):
    def get(**params):
        return client.get("/api/v1/search/", params)

    return get
