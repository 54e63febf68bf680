"""Elasticsearch analysers for Spanish catalogue text, declared once with elasticsearch-dsl."""

from elasticsearch_dsl import analyzer, token_filter

from ...synonyms import solr_lines

spanish_stop = token_filter("acervo_spanish_stop", type="stop", stopwords="_spanish_")
spanish_stemmer = token_filter("acervo_spanish_stemmer", type="stemmer", language="light_spanish")
# Folding keeps the original token too, so "matemáticas" typed with accents ranks exact first.
folding = token_filter("acervo_folding", type="asciifolding", preserve_original=True)
curriculum_synonyms = token_filter(
    "acervo_curriculum_synonyms", type="synonym_graph", synonyms=solr_lines(), lenient=True
)

# Synonyms run before the stemmer: the rules are written as whole words ("mate, matemáticas"),
# and stemming first would turn them into stems that no longer match the rule's words.
spanish_index = analyzer(
    "acervo_spanish",
    tokenizer="standard",
    filter=["lowercase", spanish_stop, folding, spanish_stemmer],
)
spanish_search = analyzer(
    "acervo_spanish_search",
    tokenizer="standard",
    filter=["lowercase", "asciifolding", curriculum_synonyms, spanish_stop, spanish_stemmer],
)
folded_keyword = analyzer("acervo_folded", tokenizer="keyword", filter=["lowercase", "asciifolding"])
