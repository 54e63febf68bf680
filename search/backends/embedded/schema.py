"""What the embedded index (Tantivy) stores: its analysers, its schema and the record -> documents mapping.

A record becomes one resource document plus one page document per page of its book. A page
document carries its parent's key and filter fields; it never counts as a result of its own.
"""

import tantivy

from ...text import normalize
from ..base import FACET_FIELDS

# Full-text fields of a record, searched with the Spanish analyser.
TEXT_FIELDS = ("title", "keywords", "tags", "description", "transcript", "body")
KEYWORD_FIELDS = ("type", "levels", "fields", "subjects", "language", "license", "accessibility")
INTEGER_FIELDS = ("grades", "fases", "year")
# What a document is; page documents are passages of the resource named by their "parent".
RESOURCE, PAGE = "resource", "page"


def _analyzer(*, stem):
    builder = tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple()).filter(tantivy.Filter.remove_long(40))
    builder = builder.filter(tantivy.Filter.lowercase())
    if stem:
        # Stop words are matched before folding because the builtin Spanish list has accents.
        builder = builder.filter(tantivy.Filter.stopword("spanish")).filter(tantivy.Filter.ascii_fold())
        builder = builder.filter(tantivy.Filter.stemmer("spanish"))
    return builder.build()


def _fold_analyzer():
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(40))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
        .build()
    )


ANALYZERS = {"es": _analyzer(stem=True), "exact": _analyzer(stem=False), "fold": _fold_analyzer()}


def build_schema():
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("key", stored=True, tokenizer_name="raw")
    builder.add_text_field("external_id", stored=True, tokenizer_name="raw")
    builder.add_text_field("url", stored=True, tokenizer_name="raw")
    for name in TEXT_FIELDS:
        builder.add_text_field(name, stored=name != "tags", tokenizer_name="es")
    # Accents kept: a query typed with accents ranks the exact spelling first.
    builder.add_text_field("exact", tokenizer_name="exact")
    # Folded, unstemmed words: spelling suggestions and title completions.
    builder.add_text_field("words", tokenizer_name="fold")
    builder.add_text_field("title_words", tokenizer_name="fold")
    builder.add_text_field("title_sort", fast=True, tokenizer_name="raw")
    builder.add_text_field("doc_kind", tokenizer_name="raw")
    # Page documents: whose page it is, its number and its text (stored for snippets).
    builder.add_text_field("parent", stored=True, fast=True, tokenizer_name="raw")
    builder.add_integer_field("page", stored=True, indexed=True)
    builder.add_text_field("text", stored=True, tokenizer_name="es")
    for name in KEYWORD_FIELDS:
        builder.add_text_field(name, stored=True, fast=True, tokenizer_name="raw")
    for name in INTEGER_FIELDS:
        builder.add_integer_field(name, stored=True, indexed=True, fast=True)
    return builder.build()


SCHEMA = build_schema()


def register_analyzers(index):
    for name, analyzer in ANALYZERS.items():
        index.register_tokenizer(name, analyzer)
    return index


def tantivy_documents(record):
    """The shared search record -> its resource document, then one document per page."""
    key = str(record["pk"])
    yield tantivy.Document(
        key=key,
        doc_kind=RESOURCE,
        external_id=record["external_id"],
        url=record["url"],
        title=record["title"],
        keywords=record["keywords"],
        tags=record["tags"],
        description=record["description"],
        transcript=record["transcript"],
        body=record["body"],
        exact=[record["title"], *record["keywords"], record["description"]],
        words=[record["title"], *record["keywords"], record["description"], *record["tags"], record["body"]],
        title_words=record["title"],
        title_sort=normalize(record["title"]),
        fases=record["fases"],
        year=record["year"],
        **_filter_fields(record),
    )
    filters = _filter_fields(record)
    for page in record["pages"]:
        yield tantivy.Document(doc_kind=PAGE, parent=key, page=page["page"], text=page["text"], **filters)


def _filter_fields(record):
    return {field: record[field] for field in FACET_FIELDS.values()}


def record_vectors(record):
    """(key, part, vector) of a record's dense vectors: its own (part 0) and its pages'; none while pending."""
    key = str(record["pk"])
    if record.get("vector") is not None:
        yield key, 0, record["vector"]
    for page in record["pages"]:
        if page.get("vector") is not None:
            yield key, page["page"], page["vector"]
