"""The embedded backend (Tantivy) for the default shape: an index folder under ACERVO_DATA_DIR."""

import logging
from contextlib import contextmanager

import tantivy

from ...query import FACETS
from ..base import (
    FACET_FIELDS,
    LIST_RESULT_FIELDS,
    RESULT_FIELDS,
    RebuildRefused,
    SearchBackend,
    SearchResults,
    SearchUnavailable,
    counts_differ_wildly,
)
from . import queries
from .pages import page_hits
from .schema import PAGE, SCHEMA, tantivy_documents
from .snippets import Snippets
from .spelling import complete_titles, spelling_suggestion
from .store import IndexStore

logger = logging.getLogger(__name__)

WRITER_HEAP = 64_000_000
# Tantivy reports a broken or unreadable index as ValueError; the disk itself as OSError.
ENGINE_ERRORS = (ValueError, OSError)


@contextmanager
def engine_errors(operation):
    try:
        yield
    except ENGINE_ERRORS as exc:
        logger.exception("embedded search index: %s failed", operation)
        raise SearchUnavailable(f"{operation}: {exc}") from exc


class EmbeddedBackend(SearchBackend):
    name = "embedded"

    def __init__(self, index_dir):
        self.store = IndexStore(index_dir)

    @property
    def root(self):
        return self.store.root

    # -- writing -------------------------------------------------------------------------
    def _write(self, index, documents=(), delete_keys=()):
        writer = index.writer(heap_size=WRITER_HEAP, num_threads=1)
        written = 0
        try:
            for key in delete_keys:
                self._delete(writer, key)
            for record in documents:
                self._delete(writer, record["pk"])
                for document in tantivy_documents(record):
                    writer.add_document(document)
                written += 1
            writer.commit()
            writer.wait_merging_threads()
        except BaseException:
            # Nothing of a failed batch becomes visible, and the index lock is released now.
            writer.rollback()
            del writer
            raise
        return written

    @staticmethod
    def _delete(writer, key):
        writer.delete_documents_by_term("key", str(key))
        writer.delete_documents_by_term("parent", str(key))

    @staticmethod
    def _resource_count(searcher):
        pages = searcher.search(tantivy.Query.term_query(SCHEMA, "doc_kind", PAGE), limit=1, count=True).count
        return searcher.num_docs - pages

    def index_many(self, documents):
        with engine_errors("index"), self.store.writer_lock():
            return self._write(self.store.current(), documents)

    def delete_many(self, pks):
        pks = list(pks)
        if pks:
            with engine_errors("delete"), self.store.writer_lock():
                self._write(self.store.current(), delete_keys=pks)
        return len(pks)

    def rebuild(self, documents, expected_count=None):
        """Write every document into a new generation, then swap; refuse a suspicious one."""
        with engine_errors("rebuild"), self.store.writer_lock():
            generation, index = self.store.new_generation()
            try:
                written = self._write(index, documents)
                index.reload()
                built = self._resource_count(index.searcher())
            except BaseException:
                del index
                self.store.discard(generation)
                raise
            if counts_differ_wildly(built, expected_count):
                del index
                self.store.discard(generation)
                raise RebuildRefused(f"{built} != {expected_count}")
            self.store.swap_to(generation)
            return written

    def count(self):
        with engine_errors("count"):
            return self._resource_count(self.store.searcher())

    def ping(self):
        try:
            return self.store.current_path().exists()
        except OSError:
            return False

    # -- querying ------------------------------------------------------------------------
    def search(self, query):
        with engine_errors("search"):
            return self._search(query)

    def _search(self, query):
        searcher = self.store.searcher()
        text_query, meaning = (None, None)
        if query.text:
            text_query, meaning = queries.text_query(query.text)
            if text_query is None:
                # Only stop words or punctuation: an honest empty result.
                return SearchResults(0, [], {facet: {} for facet in FACETS})
        require_all = True
        result = self._run(searcher, queries.filtered(text_query, query.filters), query)
        if text_query is not None and result.count == 0:
            # Nothing has every word: fall back to any word, still ranked by how many match.
            require_all = False
            text_query, meaning = queries.text_query(query.text, require_all=False)
            result = self._run(searcher, queries.filtered(text_query, query.filters), query)
        keyed_hits = self._hits(searcher, result, text_query)
        if meaning is not None:
            # Only the books shown are asked for their pages.
            found = page_hits(searcher, queries.page_query(meaning, require_all), list(keyed_hits))
            for key, hit in keyed_hits.items():
                hit.update(found.get(key, {}))
        hits = list(keyed_hits.values())
        facets = self._facet_counts(searcher, text_query, query)
        suggestion = spelling_suggestion(searcher, query.text, meaning) if query.text else None
        return SearchResults(result.count, hits, facets, suggestion)

    def _run(self, searcher, full_query, query):
        sort = query.effective_sort
        kwargs = {"limit": query.page_size, "offset": query.offset, "count": True}
        if sort == "title":
            kwargs.update(order_by_field="title_sort", order=tantivy.Order.Asc)
        elif sort == "newest":
            kwargs.update(order_by_field="year", order=tantivy.Order.Desc)
        return searcher.search(full_query, **kwargs)

    def _facet_counts(self, searcher, text_query, query):
        """One aggregation for unfiltered facets, one more per facet that has a filter."""
        counts = {}
        plain = [facet for facet in FACETS if facet not in query.filters]
        groups = [(plain, query.filters)] + [([facet], query.filters_except(facet)) for facet in query.filters]
        for facets, filters in groups:
            if not facets:
                continue
            aggs = {facet: {"terms": {"field": FACET_FIELDS[facet], "size": 200}} for facet in facets}
            result = searcher.aggregate(queries.filtered(text_query, filters), aggs)
            for facet in facets:
                counts[facet] = {bucket["key"]: bucket["doc_count"] for bucket in result[facet]["buckets"]}
        return counts

    def _hits(self, searcher, result, text_query):
        """{resource key: API result} in rank order."""
        snippets = Snippets(searcher, text_query)
        hits = {}
        for _score, address in result.hits:
            doc = searcher.doc(address)
            stored = doc.to_dict()
            hit = {name: stored.get(name, []) for name in LIST_RESULT_FIELDS}
            for name in RESULT_FIELDS:
                if name not in LIST_RESULT_FIELDS:
                    hit[name] = (stored.get(name) or [""])[0]
            hit = {name: hit[name] for name in RESULT_FIELDS}
            hit["snippet"] = snippets.for_result(doc, stored)
            hits[stored["key"][0]] = hit
        return hits

    # -- completion ----------------------------------------------------------------------
    def suggest(self, prefix, limit=10):
        with engine_errors("suggest"):
            return complete_titles(self.store.searcher(), prefix, limit)
