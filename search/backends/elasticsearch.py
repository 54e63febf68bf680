"""The Elasticsearch backend: translates a SearchQuery into an elasticsearch-dsl Search."""

import html
import time

from elasticsearch import Elasticsearch
from elasticsearch import exceptions as es_exceptions
from elasticsearch.helpers import bulk
from elasticsearch_dsl import A, Q, Search

from ..documents import ALIAS, ResourceDocument
from ..query import FACETS
from ..understanding import understand
from .base import (
    RESULT_FIELDS,
    RebuildRefused,
    SearchBackend,
    SearchResults,
    SearchUnavailable,
    counts_differ_wildly,
)

FACET_FIELDS = {
    "type": "type", "level": "levels", "grade": "grades", "field": "fields", "subject": "subjects",
    "language": "language", "license": "license", "accessibility": "accessibility",
}
TEXT_FIELDS = ["title^5", "title.exact^2", "keywords^3", "tags^2", "description^1.5", "description.exact", "transcript^0.5"]
HINT_BOOSTS = {"type": 6.0, "subjects": 5.0, "fields": 3.0, "grades": 4.0, "fases": 4.0, "levels": 3.0}
UNREACHABLE = (es_exceptions.ConnectionError, es_exceptions.TransportError, es_exceptions.ApiError, OSError)


def _filter(filters):
    return [Q("terms", **{FACET_FIELDS[facet]: list(values)}) for facet, values in filters.items()]


def text_query(text):
    """Words must match (with typos and synonyms); grade, level and type words only boost."""
    meaning = understand(text)
    hints = [
        Q("constant_score", filter=Q("term", **{field: value}), boost=HINT_BOOSTS[field])
        for field, values in (
            ("type", meaning.types), ("grades", meaning.grades), ("fases", meaning.fases),
            ("levels", meaning.levels), ("subjects", meaning.subjects), ("fields", meaning.fields),
        )
        for value in sorted(values)
    ]
    required = [" ".join(c.phrases[0]) for c in meaning.required]
    if required:
        must = Q("multi_match", query=" ".join(required), fields=TEXT_FIELDS, type="most_fields",
                 operator="and", fuzziness="AUTO", prefix_length=1)
        return Q("bool", must=[must], should=hints)
    optional = [" ".join(c.phrases[0]) for c in meaning.concepts]
    should = hints + ([Q("multi_match", query=" ".join(optional), fields=TEXT_FIELDS)] if optional else [])
    return Q("bool", should=should, minimum_should_match=1)


def build_search(query, index=ALIAS):
    """The whole request: text, post_filter for facets, one filtered aggregation per facet."""
    search = Search(index=index)
    if query.text:
        search = search.query(text_query(query.text))
        search = search.highlight("description", "transcript", "title", fragment_size=180, number_of_fragments=1)
        # The html encoder escapes the document text; only our <mark> tags stay markup.
        search = search.highlight_options(pre_tags=["<mark>"], post_tags=["</mark>"], encoder="html")
        search = search.suggest("spelling", query.text, phrase={"field": "title", "size": 1})
    # Filters go to post_filter so each facet can count with every *other* filter applied.
    if query.filters:
        search = search.post_filter(Q("bool", filter=_filter(query.filters)))
    for facet in FACETS:
        others = _filter(query.filters_except(facet))
        terms = A("terms", field=FACET_FIELDS[facet], size=200)
        search.aggs.bucket(facet, "filter", filter=Q("bool", filter=others)).bucket("values", terms)
    sort = query.effective_sort
    if sort == "title":
        search = search.sort("title.sort")
    elif sort == "newest":
        search = search.sort({"year": {"order": "desc"}}, "_score")
    search = search.source(list(RESULT_FIELDS) + ["description"])
    search = search.extra(track_total_hits=True)
    return search[query.offset:query.offset + query.page_size]


def build_suggest(prefix, limit=10, index=ALIAS):
    return Search(index=index).suggest("titles", prefix, completion={"field": "title.suggest", "size": limit, "skip_duplicates": True}).source(["title"])


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
            raise SearchUnavailable(str(exc)) from exc

    def search(self, query):
        response = self._call(build_search(query).using(self.client).execute)
        hits = []
        for hit in response.hits:
            record = {name: getattr(hit, name, None) for name in RESULT_FIELDS}
            for name in ("levels", "grades", "fields", "subjects"):
                record[name] = list(record[name] or [])
            highlight = getattr(hit.meta, "highlight", None)
            fragments = [f for field in ("description", "transcript", "title") for f in (getattr(highlight, field, None) or [])] if highlight else []
            description = getattr(hit, "description", "") or ""
            record["snippet"] = fragments[0] if fragments else html.escape(description[:180])
            hits.append(record)
        facets = {
            facet: {bucket.key: bucket.doc_count for bucket in response.aggregations[facet]["values"].buckets}
            for facet in FACETS
        }
        suggestion = None
        spelling = getattr(getattr(response, "suggest", None), "spelling", None)
        if query.text and spelling:
            options = spelling[0].options
            if options and options[0].text != query.text.lower():
                suggestion = options[0].text
        return SearchResults(response.hits.total.value, hits, facets, suggestion)

    def suggest(self, prefix, limit=10):
        response = self._call(build_suggest(prefix, limit).using(self.client).execute)
        return [option._source.title for option in response.suggest.titles[0].options]

    def _bulk(self, actions, index=ALIAS):
        self._call(bulk, self.client, actions, refresh=True)

    def _ensure_index(self):
        """First write on an empty cluster: create a concrete index behind the alias."""
        if not self._call(self.client.indices.exists_alias, name=ALIAS):
            name = f"{ALIAS}-{time.time_ns()}"
            self._call(ResourceDocument._index.clone(name).create, using=self.client)
            self._call(self.client.indices.put_alias, index=name, name=ALIAS)

    def index_many(self, documents):
        documents = list(documents)
        if documents:
            self._ensure_index()
        actions = [{"_op_type": "index", "_index": ALIAS, "_id": str(d["pk"]), "_source": d} for d in documents]
        if actions:
            self._bulk(actions)
        return len(actions)

    def delete_many(self, pks):
        actions = [{"_op_type": "delete", "_index": ALIAS, "_id": str(pk)} for pk in pks]
        if actions:
            try:
                self._bulk(actions)
            except Exception as exc:  # deleting what is already gone is fine
                if "not_found" not in str(exc):
                    raise
        return len(actions)

    def rebuild(self, documents, expected_count=None):
        """New concrete index, bulk-load, verify, then move the alias in one atomic request."""
        name = f"{ALIAS}-{time.time_ns()}"
        self._call(ResourceDocument._index.clone(name).create, using=self.client)
        actions = ({"_op_type": "index", "_index": name, "_id": str(d["pk"]), "_source": d} for d in documents)
        self._call(bulk, self.client, actions, refresh=True)
        built = self._call(self.client.count, index=name)["count"]
        if counts_differ_wildly(built, expected_count):
            self._call(self.client.indices.delete, index=name)
            raise RebuildRefused(f"{built} != {expected_count}")
        old = list(self._call(self.client.indices.get_alias, name=ALIAS, ignore_unavailable=True)) if self.client.indices.exists_alias(name=ALIAS) else []
        actions = [{"remove": {"index": index, "alias": ALIAS}} for index in old] + [{"add": {"index": name, "alias": ALIAS}}]
        self._call(self.client.indices.update_aliases, actions=actions)
        for index in old:
            self._call(self.client.indices.delete, index=index)
        return built

    def count(self):
        return self._call(self.client.count, index=ALIAS)["count"]

    def ping(self):
        try:
            return bool(self.client.ping())
        except Exception:
            return False
