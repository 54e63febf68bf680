"""Reading Elasticsearch's phrase suggester: its correction is kept only for words the shared rule flags."""

from ...spelling import MIN_LETTERS, needs_correction, suggestion_text
from ...text import normalize

# Unstemmed title words, so the suggester offers whole words; "missing" leaves indexed words alone.
SPELLING = {
    "field": "title.exact",
    "size": 1,
    "direct_generator": [{"field": "title.exact", "suggest_mode": "missing", "min_word_length": MIN_LETTERS}],
}


def _in_titles(word):
    """Always False here: the generator's suggest_mode "missing" only rewrites words the titles lack."""
    return False


def phrase_suggestion(text, suggest):
    """The suggester's best option with each changed word kept only if `needs_correction`; None when none is left.

    `suggest` is the `suggest` part of Elasticsearch's answer (`{"spelling": [{"options": [...]}]}`).
    """
    entries = (suggest or {}).get("spelling") or [{}]
    options = entries[0].get("options") or []
    if not options:
        return None
    typed, offered = normalize(text).split(), normalize(options[0]["text"]).split()
    if len(offered) != len(typed):  # words merged or dropped: no telling which one was misspelt
        return None
    pairs = zip(typed, offered, strict=True)
    corrected = [new if new != old and needs_correction(old, _in_titles) else old for old, new in pairs]
    return suggestion_text(typed, corrected)
