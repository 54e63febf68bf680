"""The embedded backend (Tantivy) for the default shape: an index folder under ACERVO_DATA_DIR."""

import logging
from contextlib import contextmanager

import tantivy

from ...embeddings import encode_query
from ...query import FACETS
from ..base import (
    DENSE_CANDIDATES,
    FACET_FIELDS,
    KEYWORD_DENSE_WEIGHT,
    LIST_RESULT_FIELDS,
    MIN_SIMILARITY,
    PAGES_PER_RESULT,
    RESULT_FIELDS,
    RRF_RANK_CONSTANT,
    RRF_WINDOW,
    RebuildRefused,
    SearchBackend,
    SearchResults,
    SearchUnavailable,
    counts_differ_wildly,
)
from . import queries
from .pages import matching_books, page_hits
from .schema import PAGE, SCHEMA, record_vectors, tantivy_documents
from .snippets import Snippets
from .spelling import complete_titles, spelling_suggestion
from .store import IndexStore
from .vectors import REBUILD_SEGMENT

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
    def _write(self, index, path, documents=(), delete_keys=(), segment_size=None):
        """Write records and deletions into `index` (at `path`) and its vector segments; a failed batch is dropped."""
        vectors = self.store.vectors(path)
        writer = index.writer(heap_size=WRITER_HEAP, num_threads=1)
        written = 0
        rows, covers = [], [str(key) for key in delete_keys]
        try:
            for key in delete_keys:
                self._delete(writer, key)
            for record in documents:
                self._delete(writer, record["pk"])
                for document in tantivy_documents(record):
                    writer.add_document(document)
                covers.append(record["pk"])
                rows.extend(record_vectors(record))
                written += 1
                if segment_size and len(covers) >= segment_size:
                    vectors.write(rows, covers)
                    rows, covers = [], []
            # Vectors first: a vector whose record did not commit is never shown (candidates are
            # looked up in the index), while a committed record without its vector would be.
            vectors.write(rows, covers)
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
            return self._write(self.store.current(), self.store.current_path(), documents)

    def delete_many(self, pks):
        pks = list(pks)
        if pks:
            with engine_errors("delete"), self.store.writer_lock():
                self._write(self.store.current(), self.store.current_path(), delete_keys=pks)
        return len(pks)

    def rebuild(self, documents, expected_count=None):
        """Write every document into a new generation, then swap; refuse a suspicious one."""
        with engine_errors("rebuild"), self.store.writer_lock():
            generation, index = self.store.new_generation()
            try:
                written = self._write(index, generation, documents, segment_size=REBUILD_SEGMENT)
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

    def vector_count(self):
        """How many vectors (records' and pages') the current index holds."""
        with engine_errors("count"):
            return self.store.vectors(self.store.current_path()).count()

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
        if not query.text:
            browse = queries.filtered(None, query.filters)
            result = self._run(searcher, browse, query)
            hits = self._hits(searcher, result.hits, None)
            return SearchResults(result.count, list(hits.values()), self._facet_counts(searcher, None, query))
        plan = queries.TextPlan(query.text)
        if plan.empty:
            # Only stop words or punctuation: an honest empty result.
            return SearchResults(0, [], {facet: {} for facet in FACETS})
        nearby = self._nearby(query.text)
        lexical, page_query = self._lexical(searcher, plan, query.filters)
        if not nearby and not self._any(searcher, queries.filtered(lexical, query.filters)):
            # Nothing has most of the words: fall back to any of them, still ranked by how many match.
            lexical, page_query = self._lexical(searcher, plan, query.filters, relaxed=True)
        matching = queries.either(lexical, queries.keys_query(nearby) if nearby else None)
        if matching is None:
            return SearchResults(0, [], {facet: {} for facet in FACETS})
        full = queries.filtered(matching, query.filters)
        if query.effective_sort != "relevance" or query.offset + query.page_size > RRF_WINDOW or not nearby:
            result = self._run(searcher, full, query)
            count, ranked = result.count, result.hits
        else:
            count = searcher.search(full, limit=1, count=True).count
            ranked = self._fused(searcher, lexical, nearby, query, plan.meaning.is_question)
        keyed_hits = self._hits(searcher, ranked, lexical)
        pages_of = {key: nearby[key].pages for key in keyed_hits if key in nearby}
        found = page_hits(searcher, page_query, list(keyed_hits), pages_of)
        for key, hit in keyed_hits.items():
            hit.update(found.get(key, {}))
        facets = self._facet_counts(searcher, matching, query)
        suggestion = spelling_suggestion(searcher, query.text, plan.meaning)
        return SearchResults(count, list(keyed_hits.values()), facets, suggestion)

    @staticmethod
    def _any(searcher, full_query):
        return searcher.search(full_query, limit=1, count=True).count > 0

    @staticmethod
    def _lexical(searcher, plan, filters, relaxed=False):
        """(resource query, page query): books qualify through a page holding enough of the words."""
        page_query = plan.page_query(relaxed)
        books = matching_books(searcher, queries.filtered(page_query, filters, kind=PAGE)) if page_query else {}
        return plan.resource_query(relaxed, books), page_query

    def _nearby(self, text):
        """{resource key: Neighbour} of the records nearest in meaning, unfiltered; {} without vectors."""
        vector = encode_query(text)
        if vector is None:
            return {}
        segments = self.store.vectors(self.store.current_path())
        found = segments.nearest(vector, DENSE_CANDIDATES, MIN_SIMILARITY, PAGES_PER_RESULT)
        return {neighbour.key: neighbour for neighbour in found}

    def _fused(self, searcher, lexical, nearby, query, question):
        """This page of results by reciprocal rank fusion of the lexical and the dense rankings."""
        dense_weight = 1.0 if question else KEYWORD_DENSE_WEIGHT
        window = []
        if lexical is not None:
            window = searcher.search(queries.filtered(lexical, query.filters), limit=RRF_WINDOW).hits
        addresses, scores = {}, {}
        for rank, (_score, address) in enumerate(window):
            key = searcher.doc(address).to_dict()["key"][0]
            addresses[key] = address
            scores[key] = 1.0 / (RRF_RANK_CONSTANT + rank + 1)
        dense = self._allowed(searcher, list(nearby), query.filters)
        for rank, key in enumerate(dense):
            scores[key] = scores.get(key, 0.0) + dense_weight / (RRF_RANK_CONSTANT + rank + 1)
        order = sorted(scores, key=lambda key: -scores[key])[query.offset : query.offset + query.page_size]
        return [(scores[key], dense.get(key) or addresses[key]) for key in order]

    @staticmethod
    def _allowed(searcher, keys, filters):
        """{key: address} of the dense candidates (nearest first) that are indexed resources passing the filters."""
        hits = searcher.search(queries.filtered(queries.keys_query(keys), filters), limit=len(keys)).hits
        addresses = {searcher.doc(address).to_dict()["key"][0]: address for _score, address in hits}
        return {key: addresses[key] for key in keys if key in addresses}

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

    def _hits(self, searcher, ranked, text_query):
        """{resource key: API result} in rank order, from (score, address) pairs."""
        snippets = Snippets(searcher, text_query)
        hits = {}
        for _score, address in ranked:
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
