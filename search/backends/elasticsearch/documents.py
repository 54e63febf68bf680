"""The Elasticsearch index document of a search record (one document class per indexed type)."""

from elasticsearch_dsl import Completion, Document, InnerDoc, Integer, Keyword, Nested, Text

from .analyzers import folded_keyword, spanish_index, spanish_search

ALIAS = "acervo-resources"


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

    class Index:
        name = ALIAS
        settings = {"number_of_shards": 1, "number_of_replicas": 0}
