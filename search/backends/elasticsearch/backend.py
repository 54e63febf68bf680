"""The Elasticsearch backend: sends the request bodies of `queries` and reads the answers back."""

import itertools
import logging
import time

from elasticsearch import Elasticsearch
from elasticsearch import exceptions as es_exceptions
from elasticsearch.helpers import bulk
from elasticsearch_dsl import MultiSearch

from ...embeddings import encode_query
from ...query import FACETS
from ..base import (
    LIST_RESULT_FIELDS,
    PAGES_PER_RESULT,
    RESULT_FIELDS,
    RebuildRefused,
    SearchBackend,
    SearchResults,
    SearchUnavailable,
    counts_differ_wildly,
    plain_snippet,
)
from .documents import ALIAS, ResourceDocument, index_source
from .queries import PAGES_BY_MEANING, SNIPPET_FIELDS, build_search, build_suggest, rrf_window
from .spelling import phrase_suggestion

logger = logging.getLogger(__name__)

BULK_DOCUMENTS = 100
BULK_BYTES = 10 * 1024 * 1024
UNREACHABLE = (es_exceptions.ConnectionError, es_exceptions.TransportError, es_exceptions.ApiError, OSError)
# After the cluster refused fusion (its licence lacks RRF), searches go by words for this long
# before fusion is tried again, so a licence upgrade takes effect without a restart.
FUSION_RETRY_SECONDS = 600


def _inner_pages(inner, name):
    """One inner hits section as [{"page", "snippet"}] best first, and its total."""
    pages = inner[name] if inner and name in inner else None
    if pages is None or not pages.hits.total.value:
        return [], 0
    best = []
    for page in pages.hits:
        highlight = getattr(page.meta, "highlight", None) or {}
        fragments = highlight["pages.text"] if "pages.text" in highlight else []
        best.append({"page": page["pages.page"][0], "snippet": fragments[0] if fragments else ""})
    return best, pages.hits.total.value


def _page_hits(hit):
    """The book's best pages: those its words matched first, then those close in meaning.

    "page_hits" counts the pages the words matched, and is never less than the pages listed,
    so a book found by meaning alone shows its closest pages under it.
    """
    inner = getattr(hit.meta, "inner_hits", None)
    by_words, matched = _inner_pages(inner, "pages")
    by_meaning, _ = _inner_pages(inner, PAGES_BY_MEANING)
    listed = {page["page"] for page in by_words}
    best = by_words + [page for page in by_meaning if page["page"] not in listed]
    if not best:
        return {}
    return {"pages": best[:PAGES_PER_RESULT], "page_hits": max(matched, len(best))}


def _refused_by_licence(exc):
    """Elasticsearch answers 403 "current license is non-compliant for [Reciprocal Rank Fusion]"."""
    return "licen" in str(getattr(exc, "body", "") or exc).lower()


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
        self._fusion_refused_at = None

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
        request = build_search(query, self._query_vector(query))
        if isinstance(request, MultiSearch):
            answers = self._call(self._fused, request)
            if answers is not None:
                ranked, matches = answers
                return self._results(query, ranked, matches)
            request = build_search(query)  # the cluster's licence has no fusion: by words
        response = self._call(request.using(self.client).execute)
        return self._results(query, response, response)

    def _query_vector(self, query):
        """The query's meaning, or None: no fusion for this query, semantic search off, or refused lately."""
        refused = self._fusion_refused_at
        if rrf_window(query) is None or (refused is not None and time.monotonic() - refused < FUSION_RETRY_SECONDS):
            return None
        return encode_query(query.text)

    def _fused(self, request):
        """Both answers of a hybrid request, or None when the cluster's licence refuses RRF."""
        try:
            ranked, matches = request.using(self.client).execute()
        except es_exceptions.ApiError as exc:
            if not _refused_by_licence(exc):
                raise
            logger.warning(
                "Elasticsearch at %s refused reciprocal rank fusion (it needs an Enterprise or trial licence);"
                " searching by words for %d s: %s",
                self.url,
                FUSION_RETRY_SECONDS,
                exc,
            )
            self._fusion_refused_at = time.monotonic()
            return None
        self._fusion_refused_at = None
        return ranked, matches

    def _results(self, query, ranked, matches):
        """Hits from the ranked answer; count, facets and suggestion from the matches answer."""
        hits = [self._hit(hit) for hit in ranked.hits]
        facets = {
            facet: {bucket.key: bucket.doc_count for bucket in matches.aggregations[facet]["values"].buckets}
            for facet in FACETS
        }
        suggestion = phrase_suggestion(query.text, matches.to_dict().get("suggest")) if query.text else None
        return SearchResults(matches.hits.total.value, hits, facets, suggestion)

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
            yield {"_op_type": "index", "_index": index, "_id": str(document["pk"]), "_source": index_source(document)}

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
