"""What the embedded index (Tantivy) stores: its analysers, its schema and the record -> document mapping."""

import tantivy

from ...text import normalize

# Full-text fields of a record, searched with the Spanish analyser.
TEXT_FIELDS = ("title", "keywords", "tags", "description", "transcript")
KEYWORD_FIELDS = ("type", "levels", "fields", "subjects", "language", "license", "accessibility")
INTEGER_FIELDS = ("grades", "fases", "year")


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


def to_tantivy(document):
    """The shared search record -> a Tantivy document."""
    return tantivy.Document(
        key=str(document["pk"]),
        external_id=document["external_id"],
        url=document["url"],
        title=document["title"],
        keywords=document["keywords"],
        tags=document["tags"],
        description=document["description"],
        transcript=document["transcript"],
        exact=[document["title"], *document["keywords"], document["description"]],
        words=[document["title"], *document["keywords"], document["description"], *document["tags"]],
        title_words=document["title"],
        title_sort=normalize(document["title"]),
        type=document["type"],
        levels=document["levels"],
        fields=document["fields"],
        subjects=document["subjects"],
        language=document["language"],
        license=document["license"],
        accessibility=document["accessibility"],
        grades=document["grades"],
        fases=document["fases"],
        year=document["year"],
    )
