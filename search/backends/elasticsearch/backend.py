"""The Elasticsearch backend: sends the request bodies of `queries` and reads the answers back."""

import itertools
import logging
import time

from elasticsearch import Elasticsearch
from elasticsearch import exceptions as es_exceptions
from elasticsearch.helpers import bulk

from ...query import FACETS
from ..base import (
    LIST_RESULT_FIELDS,
    RESULT_FIELDS,
    RebuildRefused,
    SearchBackend,
    SearchResults,
    SearchUnavailable,
    counts_differ_wildly,
    plain_snippet,
)
from .documents import ALIAS, ResourceDocument
from .queries import SNIPPET_FIELDS, build_search, build_suggest
from .spelling import phrase_suggestion

logger = logging.getLogger(__name__)

BULK_DOCUMENTS = 100
BULK_BYTES = 10 * 1024 * 1024
UNREACHABLE = (es_exceptions.ConnectionError, es_exceptions.TransportError, es_exceptions.ApiError, OSError)


def _page_hits(hit):
    """The nested query's inner hits: the book's best pages, and how many of its pages matched."""
    inner = getattr(hit.meta, "inner_hits", None)
    pages = inner["pages"] if inner and "pages" in inner else None
    if pages is None or not pages.hits.total.value:
        return {}
    best = []
    for page in pages.hits:
        highlight = getattr(page.meta, "highlight", None) or {}
        fragments = highlight["pages.text"] if "pages.text" in highlight else []
        best.append({"page": page["pages.page"][0], "snippet": fragments[0] if fragments else ""})
    return {"pages": best, "page_hits": pages.hits.total.value}


class _Counted:
    """An iterable that counts what it has handed out (bulk requests consume it lazily)."""

    def __init__(self, items):
        self.items, self.count = items, 0

    def __iter__(self):
        for item in self.items:
            self.count += 1
            yield item


class ElasticsearchBackend(SearchBackend):
    name = "elasticsearch"

    def __init__(self, url):
        self.url = url
        self._client = None

    @property
    def client(self):
        if self._client is None:  # connecting lazily: never at import time
            self._client = Elasticsearch(self.url, request_timeout=5, max_retries=0)
        return self._client

    def _call(self, fn, *args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except UNREACHABLE as exc:
            logger.warning("Elasticsearch at %s failed: %s", self.url, exc)
            raise SearchUnavailable(str(exc)) from exc

    # -- querying ------------------------------------------------------------------------
    def search(self, query):
        response = self._call(build_search(query).using(self.client).execute)
        hits = [self._hit(hit) for hit in response.hits]
        facets = {
            facet: {bucket.key: bucket.doc_count for bucket in response.aggregations[facet]["values"].buckets}
            for facet in FACETS
        }
        suggestion = phrase_suggestion(query.text, response.to_dict().get("suggest")) if query.text else None
        return SearchResults(response.hits.total.value, hits, facets, suggestion)

    def _hit(self, hit):
        record = {name: getattr(hit, name, None) for name in RESULT_FIELDS}
        for name in LIST_RESULT_FIELDS:
            record[name] = list(record[name] or [])
        highlight = getattr(hit.meta, "highlight", None)
        fragments = (
            [fragment for field in SNIPPET_FIELDS for fragment in (getattr(highlight, field, None) or [])]
            if highlight
            else []
        )
        record["snippet"] = fragments[0] if fragments else plain_snippet(getattr(hit, "description", ""))
        record.update(_page_hits(hit))
        return record

    def suggest(self, prefix, limit=10):
        response = self._call(build_suggest(prefix, limit).using(self.client).execute)
        return [option._source.title for option in response.suggest.titles[0].options]

    # -- writing -------------------------------------------------------------------------
    def _bulk(self, actions, missing_is_fine=False):
        """Send actions; a refused action makes the whole call fail (the caller retries it).

        Requests stay small because a record with its book's pages can weigh megabytes.
        """
        _written, errors = self._call(
            bulk,
            self.client,
            actions,
            refresh=True,
            raise_on_error=False,
            chunk_size=BULK_DOCUMENTS,
            max_chunk_bytes=BULK_BYTES,
        )
        refused = [
            error for error in errors if not (missing_is_fine and next(iter(error.values()), {}).get("status") == 404)
        ]
        if refused:
            logger.warning("Elasticsearch refused %d actions, first: %s", len(refused), refused[0])
            raise SearchUnavailable(f"Elasticsearch rechazó {len(refused)} operaciones: {refused[0]}")

    def _ensure_index(self):
        """First write on an empty cluster: create a concrete index behind the alias."""
        if not self._call(self.client.indices.exists_alias, name=ALIAS):
            name = f"{ALIAS}-{time.time_ns()}"
            self._call(ResourceDocument._index.clone(name).create, using=self.client)
            self._call(self.client.indices.put_alias, index=name, name=ALIAS)

    @staticmethod
    def _actions(documents, index):
        for document in documents:
            yield {"_op_type": "index", "_index": index, "_id": str(document["pk"]), "_source": document}

    def index_many(self, documents):
        documents = iter(documents)
        first = next(documents, None)
        if first is None:
            return 0
        self._ensure_index()
        written = _Counted(itertools.chain([first], documents))
        self._bulk(self._actions(written, ALIAS))
        return written.count

    def delete_many(self, pks):
        actions = [{"_op_type": "delete", "_index": ALIAS, "_id": str(pk)} for pk in pks]
        if actions:
            self._bulk(actions, missing_is_fine=True)  # deleting what is already gone is fine
        return len(actions)

    def rebuild(self, documents, expected_count=None):
        """New concrete index, bulk-load, verify, then move the alias in one atomic request."""
        name = f"{ALIAS}-{time.time_ns()}"
        self._call(ResourceDocument._index.clone(name).create, using=self.client)
        written = _Counted(documents)
        self._bulk(self._actions(written, name))
        built = self._call(self.client.count, index=name)["count"]
        if counts_differ_wildly(built, expected_count):
            self._call(self.client.indices.delete, index=name)
            raise RebuildRefused(f"{built} != {expected_count}")
        old = []
        if self._call(self.client.indices.exists_alias, name=ALIAS):
            old = list(self._call(self.client.indices.get_alias, name=ALIAS, ignore_unavailable=True))
        moves = [{"remove": {"index": index, "alias": ALIAS}} for index in old] + [
            {"add": {"index": name, "alias": ALIAS}}
        ]
        self._call(self.client.indices.update_aliases, actions=moves)
        for index in old:
            self._call(self.client.indices.delete, index=index)
        return written.count

    def count(self):
        return self._call(self.client.count, index=ALIAS)["count"]

    def ping(self):
        try:
            return bool(self.client.ping())
        except Exception:  # ping's promise is a boolean, whatever went wrong
            return False
