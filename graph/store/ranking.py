"""Search ranking both stores share, and the limit on what a search may ask.

Both stores rank the same way, so a viewer shows the same hits whichever store
it reads: exact name 4 > name prefix 3 > name substring 2 > exact alias 1.5 >
alias substring 1; ties to the shorter name, then alphabetical.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable

from graph.store.base import SearchHit
from graph.store.normalise import fold

# Longer queries are cut to this many characters (after folding). No real name is near it
# (the longest in the examples has 30), and Neo4j's full-text index refuses far longer ones
# (TooComplexToDeterminize / TooManyClauses), so both stores cut at the same place.
MAX_QUERY_CHARS = 64


def search_key(text: str) -> str:
    """The folded query, cut to MAX_QUERY_CHARS: what both stores search for."""
    return fold(text[: MAX_QUERY_CHARS * 4])[:MAX_QUERY_CHARS]


def searchable(query: str) -> bool:
    """Whether a folded query can find anything: it needs a letter, digit or ideograph. Neo4j's
    analyzer drops punctuation, so "(" alone finds nothing there; the embedded store agrees."""
    return any(ch.isalnum() for ch in query)


def match_score(query: str, name: str, aliases: Iterable[str]) -> float | None:
    """Exact name > name prefix > name substring > exact alias > alias substring.

    `query` is already folded. None when neither the name nor an alias contains it.
    """
    key = fold(name)
    if key == query:
        return 4.0
    if key.startswith(query):
        return 3.0
    if query in key:
        return 2.0
    best: float | None = None
    for alias in aliases:
        akey = fold(alias)
        if akey == query:
            return 1.5
        if query in akey:
            best = 1.0
    return best


def rank_hits(hits: list[SearchHit], limit: int) -> list[SearchHit]:
    """Best first; ties go to the shorter name, then alphabetical, so both stores agree."""
    return heapq.nsmallest(limit, hits, key=lambda h: (-h.score, len(h.name), h.name, h.id))
