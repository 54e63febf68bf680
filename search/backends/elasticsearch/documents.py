"""The Elasticsearch index document of a search record (one document class per indexed type)."""

from elasticsearch_dsl import Completion, DenseVector, Document, InnerDoc, Integer, Keyword, Mapping, Nested, Text

from ...embeddings import DIMENSIONS
from .analyzers import folded_keyword, spanish_index, spanish_search

ALIAS = "acervo-resources"
VECTOR_FIELDS = ("vector", "pages.vector")


def _vector():
    """A record's or a page's meaning, searched by kNN; absent while the background job computes it.

    cosine, although the vectors are L2-normalised (search.embeddings) and dot_product would rank
    the same: Elasticsearch refuses, at indexing, a dot_product vector whose length strays from 1
    by more than its tolerance, and a vector stored or carried by `sync_from` with rounded
    components must never block a record's indexing. int8_hnsw quantises the HNSW graph's copy to
    a quarter of the memory (a national catalogue holds millions of page vectors) for a recall
    loss of about a percent; it is also Elasticsearch's default from 8.14 on, spelled out here so
    the mapping means the same on every 8.x.
    """
    return DenseVector(dims=DIMENSIONS, index=True, similarity="cosine", index_options={"type": "int8_hnsw"})


# Vectors are left out of the stored _source: nothing reads them back (a rebuild recomputes
# records from the database), and 512 numbers as JSON would triple a page's stored size.
_mapping = Mapping()
_mapping.meta("_source", excludes=list(VECTOR_FIELDS))


def _text(boost_fields=True):
    return Text(
        analyzer=spanish_index,
        search_analyzer=spanish_search,
        fields={"exact": Text(analyzer="standard")} if boost_fields else {},
    )


class BookPage(InnerDoc):
    """One page of the resource's stored book: a nested document, matched and highlighted on its own."""

    page = Integer()
    text = Text(analyzer=spanish_index, search_analyzer=spanish_search)
    vector = _vector()


class ResourceDocument(Document):
    """A published resource as Elasticsearch sees it; the shared record fills every field."""

    pk = Integer()
    external_id = Keyword()
    url = Keyword(index=False)
    title = Text(
        analyzer=spanish_index,
        search_analyzer=spanish_search,
        fields={
            "exact": Text(analyzer="standard"),
            "sort": Keyword(normalizer="lowercase"),
            "suggest": Completion(analyzer=folded_keyword),
        },
    )
    keywords = _text()
    tags = _text(boost_fields=False)
    description = _text()
    transcript = _text(boost_fields=False)
    body = _text(boost_fields=False)  # a course's lessons
    type = Keyword()
    levels = Keyword()
    grades = Integer()
    fases = Integer()
    fields = Keyword()
    subjects = Keyword()
    language = Keyword()
    license = Keyword()
    accessibility = Keyword()
    year = Integer()
    # Nested, not a plain list: a match must come from one page, which inner hits then name.
    pages = Nested(BookPage)
    vector = _vector()  # of the record's own text (search.records)

    class Meta:
        mapping = _mapping

    class Index:
        name = ALIAS
        settings = {"number_of_shards": 1, "number_of_replicas": 0}


def index_source(record):
    """A search record as Elasticsearch stores it: a vector not computed yet (or unusable) is left out.

    Elasticsearch 8.7+ would take null as "no vector" too; leaving the field out keeps pending
    records valid on any 8.x and the request smaller. Such a record is found by its words only.
    """
    source = _without_pending_vector(record)
    if record.get("pages"):
        source["pages"] = [_without_pending_vector(page) for page in record["pages"]]
    return source


def _without_pending_vector(item):
    source = dict(item)
    vector = source.pop("vector", None)
    if vector is not None:
        vector = vector.tolist() if hasattr(vector, "tolist") else list(vector)  # numpy row or list
        # Elasticsearch refuses the whole record for a vector of another size (another model's)
        # or of zeros (no direction, so no cosine); the record is indexed by its words instead.
        if len(vector) == DIMENSIONS and any(vector):
            source["vector"] = vector
    return source
