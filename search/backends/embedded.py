"""The embedded engine (Tantivy) for the default shape: an index folder under ACERVO_DATA_DIR.

Layout: `<dir>/current` is a symlink to one `gen-*` folder; a rebuild writes a new generation
and swaps the symlink atomically, so readers never see an empty index. Every writer holds
`<dir>/writer.lock` (an OS file lock), so web and worker processes take turns.
"""

import fcntl
import html
import os
import shutil
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import tantivy

from ..query import FACETS
from ..text import levenshtein, normalize
from ..understanding import hint_words, understand
from .base import RESULT_FIELDS, RebuildRefused, SearchBackend, SearchResults, counts_differ_wildly

# Facet name -> index field.
FACET_FIELDS = {
    "type": "type",
    "level": "levels",
    "grade": "grades",
    "field": "fields",
    "subject": "subjects",
    "language": "language",
    "license": "license",
    "accessibility": "accessibility",
}
# Title outranks keywords, which outrank description and then transcript.
FIELD_BOOSTS = {"title": 2.5, "keywords": 1.8, "tags": 1.5, "description": 1.0, "transcript": 0.3}
FUZZY_FIELDS = ("title", "keywords", "tags", "description")
SYNONYM_WEIGHT = 0.8
FUZZY_WEIGHT = 0.4
HINT_BOOSTS = {"type": 12.0, "subjects": 10.0, "fields": 6.0, "grades": 20.0, "fases": 20.0, "levels": 8.0}
SNIPPET_FIELDS = ("description", "transcript", "title")
SNIPPET_CHARS = 180
WRITER_HEAP = 64_000_000


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
    for name in FIELD_BOOSTS:
        builder.add_text_field(name, stored=name != "tags", tokenizer_name="es")
    # Accents kept: a query typed with accents ranks the exact spelling first.
    builder.add_text_field("exact", tokenizer_name="exact")
    # Folded, unstemmed words: spelling suggestions and title completions.
    builder.add_text_field("words", tokenizer_name="fold")
    builder.add_text_field("title_words", tokenizer_name="fold")
    builder.add_text_field("title_sort", fast=True, tokenizer_name="raw")
    for name in ("type", "levels", "fields", "subjects", "language", "license", "accessibility"):
        builder.add_text_field(name, stored=True, fast=True, tokenizer_name="raw")
    for name in ("grades", "fases", "year"):
        builder.add_integer_field(name, stored=True, indexed=True, fast=True)
    return builder.build()


SCHEMA = build_schema()


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


def render_snippet(snippet):
    """Tantivy snippet -> HTML: the fragment escaped, highlighted ranges in <mark>."""
    raw = snippet.fragment().encode("utf-8")
    out, cursor = [], 0
    for span in sorted(snippet.highlighted(), key=lambda s: s.start):
        if span.start < cursor:
            continue
        out.append(html.escape(raw[cursor:span.start].decode("utf-8", "ignore")))
        out.append("<mark>" + html.escape(raw[span.start:span.end].decode("utf-8", "ignore")) + "</mark>")
        cursor = span.end
    out.append(html.escape(raw[cursor:].decode("utf-8", "ignore")))
    return "".join(out)


class EmbeddedBackend(SearchBackend):
    name = "embedded"

    def __init__(self, index_dir):
        self.root = Path(index_dir)
        self._indexes = {}
        self._local = threading.RLock()
        self._depth = 0

    # -- storage -------------------------------------------------------------------------
    @property
    def current_link(self):
        return self.root / "current"

    @contextmanager
    def writer_lock(self):
        """Exclusive across processes (flock) and threads; re-entrant within one thread."""
        self.root.mkdir(parents=True, exist_ok=True)
        with self._local:
            if self._depth:
                self._depth += 1
                try:
                    yield
                finally:
                    self._depth -= 1
                return
            with open(self.root / "writer.lock", "a+") as handle:
                fcntl.flock(handle, fcntl.LOCK_EX)
                self._depth = 1
                try:
                    yield
                finally:
                    self._depth = 0
                    fcntl.flock(handle, fcntl.LOCK_UN)

    def _new_generation(self):
        path = self.root / f"gen-{time.time_ns()}"
        path.mkdir(parents=True)
        return path

    def _swap_to(self, generation):
        temporary = self.root / f"current.{os.getpid()}.tmp"
        if temporary.is_symlink() or temporary.exists():
            temporary.unlink()
        temporary.symlink_to(generation.name)
        os.replace(temporary, self.current_link)  # rename(2) is atomic: readers see old or new

    def _current_path(self):
        if not self.current_link.exists():
            with self.writer_lock():
                if not self.current_link.exists():
                    self._swap_to(self._new_generation())
        return self.current_link.resolve()

    def _open(self, path):
        index = self._indexes.get(path)
        if index is None:
            index = tantivy.Index(SCHEMA, str(path), reuse=True)
            for name, analyzer in ANALYZERS.items():
                index.register_tokenizer(name, analyzer)
            self._indexes = {path: index}  # an older generation is no longer needed
        return index

    def _index(self):
        return self._open(self._current_path())

    def _searcher(self):
        index = self._index()
        index.reload()
        return index.searcher()

    # -- writing -------------------------------------------------------------------------
    def _write(self, index, documents=(), delete_keys=()):
        writer = index.writer(heap_size=WRITER_HEAP, num_threads=1)
        written = 0
        for key in delete_keys:
            writer.delete_documents_by_term("key", str(key))
        for document in documents:
            writer.delete_documents_by_term("key", str(document["pk"]))
            writer.add_document(to_tantivy(document))
            written += 1
        writer.commit()
        writer.wait_merging_threads()
        return written

    def index_many(self, documents):
        documents = list(documents)
        if not documents:
            return 0
        with self.writer_lock():
            return self._write(self._index(), documents)

    def delete_many(self, pks):
        pks = list(pks)
        if not pks:
            return 0
        with self.writer_lock():
            self._write(self._index(), delete_keys=pks)
        return len(pks)

    def rebuild(self, documents, expected_count=None):
        """Write every document into a new generation, then swap; refuse a suspicious one."""
        with self.writer_lock():
            generation = self._new_generation()
            index = tantivy.Index(SCHEMA, str(generation), reuse=False)
            for name, analyzer in ANALYZERS.items():
                index.register_tokenizer(name, analyzer)
            written = self._write(index, documents)
            index.reload()
            built = index.searcher().num_docs
            if counts_differ_wildly(built, expected_count):
                del index
                shutil.rmtree(generation, ignore_errors=True)
                raise RebuildRefused(f"{built} != {expected_count}")
            previous = self.current_link.resolve() if self.current_link.exists() else None
            self._swap_to(generation)
            if previous and previous != generation:
                shutil.rmtree(previous, ignore_errors=True)
            return written

    def count(self):
        return self._searcher().num_docs

    def ping(self):
        return self._current_path().exists()

    # -- querying ------------------------------------------------------------------------
    def _term(self, field, value, boost):
        return tantivy.Query.boost_query(tantivy.Query.term_query(SCHEMA, field, value), boost)

    def _phrase_clauses(self, words, weight, fuzzy):
        stems = ANALYZERS["es"].analyze(" ".join(words))
        clauses = []
        if not stems:
            return clauses
        for field, boost in FIELD_BOOSTS.items():
            if len(stems) == 1:
                clauses.append(self._term(field, stems[0], boost * weight))
            else:
                phrase = tantivy.Query.phrase_query(SCHEMA, field, stems, slop=2)
                clauses.append(tantivy.Query.boost_query(phrase, boost * weight))
        if fuzzy and len(stems) == 1 and len(stems[0]) >= 4:
            distance = 2 if len(stems[0]) >= 8 else 1
            for field in FUZZY_FIELDS:
                fuzzy_query = tantivy.Query.fuzzy_term_query(SCHEMA, field, stems[0], distance=distance)
                clauses.append(tantivy.Query.boost_query(fuzzy_query, FIELD_BOOSTS[field] * FUZZY_WEIGHT))
        return clauses

    def _concept_query(self, concept):
        clauses = []
        for position, words in enumerate(concept.phrases):
            typed = position == 0
            clauses.extend(self._phrase_clauses(words, 1.0 if typed else SYNONYM_WEIGHT, fuzzy=typed))
        if not clauses:
            return None
        return tantivy.Query.boolean_query([(tantivy.Occur.Should, clause) for clause in clauses])

    def _hint_clauses(self, meaning):
        hints = []
        for kind in sorted(meaning.types):
            hints.append(("type", kind))
        hints += [("grades", g) for g in sorted(meaning.grades)]
        hints += [("fases", f) for f in sorted(meaning.fases)]
        hints += [("levels", level) for level in sorted(meaning.levels)]
        hints += [("subjects", slug) for slug in sorted(meaning.subjects)]
        hints += [("fields", slug) for slug in sorted(meaning.fields)]
        return [
            tantivy.Query.const_score_query(tantivy.Query.term_query(SCHEMA, field, value), HINT_BOOSTS[field])
            for field, value in hints
        ]

    def _exact_clauses(self, text):
        return [self._term("exact", token, 0.5) for token in ANALYZERS["exact"].analyze(text)[:16]]

    def text_query(self, text, require_all=True):
        meaning = understand(text)
        required = [q for q in (self._concept_query(c) for c in meaning.required) if q is not None]
        optional = [q for q in (self._concept_query(c) for c in meaning.concepts if not c.required) if q]
        hints = self._hint_clauses(meaning)
        if not required and not optional and not hints:
            return None, meaning
        hints += self._exact_clauses(text)
        occur = tantivy.Occur.Must if require_all else tantivy.Occur.Should
        clauses = [(occur, q) for q in required]
        if not required:
            # Only hints were typed ("guía fase 4"): anything matching one of them qualifies.
            clauses.append((tantivy.Occur.Must, tantivy.Query.boolean_query(
                [(tantivy.Occur.Should, q) for q in optional + hints])))
        else:
            clauses += [(tantivy.Occur.Should, q) for q in optional + hints]
        return tantivy.Query.boolean_query(clauses), meaning

    def _filter_clauses(self, filters):
        return [
            (tantivy.Occur.Must, tantivy.Query.term_set_query(SCHEMA, FACET_FIELDS[facet], list(values)))
            for facet, values in filters.items()
        ]

    def _combine(self, text_query, filters):
        clauses = self._filter_clauses(filters)
        if text_query is not None:
            clauses.append((tantivy.Occur.Must, text_query))
        if not clauses:
            return tantivy.Query.all_query()
        if text_query is None:
            clauses.append((tantivy.Occur.Must, tantivy.Query.all_query()))
        return tantivy.Query.boolean_query(clauses)

    def _facet_counts(self, searcher, text_query, query):
        """One aggregation for unfiltered facets, one more per facet that has a filter."""
        counts = {}
        plain = [facet for facet in FACETS if facet not in query.filters]
        groups = [(plain, query.filters)] + [([facet], query.filters_except(facet)) for facet in query.filters]
        for facets, filters in groups:
            if not facets:
                continue
            aggs = {facet: {"terms": {"field": FACET_FIELDS[facet], "size": 200}} for facet in facets}
            result = searcher.aggregate(self._combine(text_query, filters), aggs)
            for facet in facets:
                counts[facet] = {bucket["key"]: bucket["doc_count"] for bucket in result[facet]["buckets"]}
        return counts

    def _run(self, searcher, full_query, query):
        sort = query.effective_sort
        kwargs = {"limit": query.page_size, "offset": query.offset, "count": True}
        if sort == "title":
            kwargs.update(order_by_field="title_sort", order=tantivy.Order.Asc)
        elif sort == "newest":
            kwargs.update(order_by_field="year", order=tantivy.Order.Desc)
        return searcher.search(full_query, **kwargs)

    def search(self, query):
        searcher = self._searcher()
        text_query, meaning = (None, None)
        if query.text:
            text_query, meaning = self.text_query(query.text)
        full_query = self._combine(text_query, query.filters)
        result = self._run(searcher, full_query, query)
        if query.text and text_query is not None and result.count == 0:
            # Nothing has every word: fall back to any word, still ranked by how many match.
            text_query, meaning = self.text_query(query.text, require_all=False)
            full_query = self._combine(text_query, query.filters)
            result = self._run(searcher, full_query, query)
        if query.text and text_query is None:
            # Only stop words or punctuation: an honest empty result.
            return SearchResults(0, [], {facet: {} for facet in FACETS})
        hits = self._hits(searcher, result, text_query)
        facets = self._facet_counts(searcher, text_query, query)
        suggestion = self.spelling_suggestion(searcher, query.text, meaning) if query.text else None
        return SearchResults(result.count, hits, facets, suggestion)

    def _hits(self, searcher, result, text_query):
        generators = {}
        if text_query is not None:
            for field in SNIPPET_FIELDS:
                generator = tantivy.SnippetGenerator.create(searcher, text_query, SCHEMA, field)
                generator.set_max_num_chars(SNIPPET_CHARS)
                generators[field] = generator
        hits = []
        for _score, address in result.hits:
            doc = searcher.doc(address)
            stored = doc.to_dict()
            hit = {name: stored.get(name, []) for name in ("levels", "grades", "fields", "subjects")}
            for name in ("external_id", "title", "url", "type", "language"):
                hit[name] = (stored.get(name) or [""])[0]
            hit["snippet"] = self._snippet(doc, stored, generators)
            hits.append({name: hit[name] for name in (*RESULT_FIELDS, "snippet")})
        return hits

    def _snippet(self, doc, stored, generators):
        for field, generator in generators.items():
            snippet = generator.snippet_from_doc(doc)
            if snippet.highlighted():
                return render_snippet(snippet)
        description = (stored.get("description") or [""])[0]
        if len(description) > SNIPPET_CHARS:
            description = description[:SNIPPET_CHARS].rsplit(" ", 1)[0] + " …"
        return html.escape(description)

    # -- spelling and completion -------------------------------------------------------------
    def spelling_suggestion(self, searcher, text, meaning):
        """Replace words no document contains by the closest word the catalogue does contain."""
        if meaning is None:
            return None
        corrected, changed = [], False
        known = hint_words()
        for word in normalize(text).split():
            replacement = None
            if len(word) >= 4 and word not in known and not word.isdigit() and searcher.doc_freq("words", word) == 0:
                replacement = self._closest_word(searcher, word)
            corrected.append(replacement or word)
            changed = changed or bool(replacement)
        return " ".join(corrected) if changed else None

    def _closest_word(self, searcher, word):
        distance = 1 if len(word) < 6 else 2
        query = tantivy.Query.fuzzy_term_query(SCHEMA, "words", word, distance=distance)
        best = None
        for _score, address in searcher.search(query, limit=20).hits:
            stored = searcher.doc(address).to_dict()
            texts = [*stored.get("title", []), *stored.get("keywords", []), *stored.get("description", [])]
            for candidate in normalize(" ".join(texts)).split():
                gap = levenshtein(word, candidate)
                if 0 < gap <= distance and (best is None or gap < best[0]):
                    best = (gap, candidate)
        return best[1] if best else None

    def suggest(self, prefix, limit=10):
        words = ANALYZERS["fold"].analyze(prefix)[:8]
        if not words:
            return []
        searcher = self._searcher()
        query = tantivy.Query.phrase_prefix_query(SCHEMA, "title_words", words)
        titles = []
        for _score, address in searcher.search(query, limit=limit * 3).hits:
            title = searcher.doc(address).to_dict()["title"][0]
            if title not in titles:
                titles.append(title)
            if len(titles) == limit:
                break
        return titles
