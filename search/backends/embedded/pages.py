"""Page hits under the results shown: each book's best pages and how many of its pages match.

Only the books on the page of results being shown are asked about, so the cost follows the
page size, not the number of pages in the index.
"""

import tantivy

from ..base import PAGES_PER_RESULT
from .schema import SCHEMA
from .snippets import Snippets


def page_hits(searcher, page_query, keys):
    """{resource key: {"pages": [{"page", "snippet"}, …best first], "page_hits": n}} for keys with matching pages."""
    if page_query is None or not keys:
        return {}
    among = tantivy.Query.term_set_query(SCHEMA, "parent", list(keys))
    matching = tantivy.Query.boolean_query([(tantivy.Occur.Must, page_query), (tantivy.Occur.Must, among)])
    counts = searcher.aggregate(matching, {"parents": {"terms": {"field": "parent", "size": len(keys)}}})
    snippets = Snippets(searcher, page_query, fields=("text",))
    found = {}
    for bucket in counts["parents"]["buckets"]:
        key = bucket["key"]
        of_this_book = tantivy.Query.term_query(SCHEMA, "parent", key)
        best = searcher.search(
            tantivy.Query.boolean_query([(tantivy.Occur.Must, page_query), (tantivy.Occur.Must, of_this_book)]),
            limit=PAGES_PER_RESULT,
        )
        pages = []
        for _score, address in best.hits:
            doc = searcher.doc(address)
            pages.append({"page": doc.to_dict()["page"][0], "snippet": snippets.highlighted(doc) or ""})
        found[key] = {"pages": pages, "page_hits": bucket["doc_count"]}
    return found
