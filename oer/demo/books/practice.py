"""Endless practice for a chapter: rounds of seeded exercise makers, and the makers every subject shares."""

import itertools
import re

from .model import Heading, Items, Note

BLANK = "__________"
KEYWORD = re.compile(r"\{(.+?)\}")


def rounds(label, makers, thoughts=(), per_round=None):
    """practice(rng) for a Chapter: heading "label · serie N", then makers in a seeded order.

    Each maker is `maker(rng) -> block or tuple of blocks`; numbers and choices change from round
    to round, so no two pages of practice are the same. A hand-written thought closes each round.
    Makers must draw only from rng: the same seed always gives the same book.
    """

    def practice(rng):
        cycle = itertools.cycle(thoughts)
        for number in itertools.count(1):
            blocks = []
            for maker in rng.sample(makers, per_round or len(makers)):
                made = maker(rng)
                blocks.extend(made if isinstance(made, tuple) else (made,))
            if thoughts:
                blocks.append(Note("Para pensar", next(cycle)))
            # The round's heading stays on the page of its first exercise.
            yield (Heading(f"{label} · serie {number}"), blocks[0])
            yield from blocks[1:]

    return practice


def pick(rng, pool, k):
    """k different items of pool in a seeded order."""
    return rng.sample(list(pool), k)


def fill_in(facts, k=4):
    """Sentences with one {keyword} each become blanks under a bank of the missing words."""

    def maker(rng):
        chosen = pick(rng, facts, k)
        words = [KEYWORD.search(fact).group(1) for fact in chosen]
        rng.shuffle(words)
        return Items(
            "Completa las oraciones con las palabras del recuadro.",
            tuple(KEYWORD.sub(BLANK, fact) for fact in chosen),
            bank=tuple(words),
        )

    return maker


def questions(pool, k=3, instruction="Responde en tu cuaderno."):
    def maker(rng):
        return Items(instruction, tuple(pick(rng, pool, k)), 2)

    return maker


def one_of(notes):
    """One of the hand-written notes (activities, experiments), chosen by the seed."""

    def maker(rng):
        title, text = rng.choice(notes)
        return Note(title, text)

    return maker


def sort_into(instruction, pool, k=6):
    """Names to sort into categories given in the instruction; the answers stay with the reader."""

    def maker(rng):
        return Items(instruction, tuple(pick(rng, pool, k)))

    return maker
