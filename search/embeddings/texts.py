"""What of a search record is embedded: its metadata text (part 0) and the text of each page of its book (part N).

Each function returns the exact text given to the encoder, so the digest stored beside a vector
says whether the vector still matches what the record holds now.
"""

import hashlib

from .encoder import clip_text

METADATA_PART = 0


def metadata_text(record, lessons=()):
    """Title, description, keywords and labels of a record (and a course's lesson titles), title first.

    The title leads because the encoder reads at most MAX_TEXT_CHARS: what names the resource is
    never the part cut off.
    """
    parts = [
        record["title"],
        record["description"],
        ", ".join(record["keywords"]),
        ", ".join(record["tags"]),
        ", ".join(lessons),
    ]
    return clip_text(". ".join(part.strip() for part in parts if part and part.strip()))


def page_text(text):
    """The text of one page of a book, as embedded; empty for a page without words."""
    return clip_text(text)


def record_texts(record, lessons=()):
    """{part: text} of a search record: 0 its metadata, N the text of its book's page N."""
    texts = {METADATA_PART: metadata_text(record, lessons)}
    for page in record["pages"]:
        text = page_text(page["text"])
        if text:
            texts[page["page"]] = text
    return texts


def digest(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
