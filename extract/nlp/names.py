"""Shared checks for organisation-like names found by suffix (companies, projects)."""

from __future__ import annotations

import re

from extract.nlp.lexicon import jieba_tags

_MASKED_HEAD = re.compile(r"^[XxＸｘ×*＊○]+")
_MASK = re.compile(r"[XxＸｘ×*＊○]{2,}|某")


def strip_mask(name: str) -> tuple[str, int]:
    """Drop a masked head (XXX南铝… -> 南铝…); returns the name and how many chars went."""
    m = _MASKED_HEAD.match(name)
    return (name[m.end() :], m.end()) if m else (name, 0)


def is_masked(name: str) -> bool:
    return bool(_MASK.search(name))


def has_proper_part(stem: str, starts: list[int], offset: int, first_only: bool = False) -> bool:
    """True when the stem holds a word jieba does not know or tags as a name (ns/nr/nz);
    with `first_only`, when it starts with one (（略）, not 新时代文明实践中心)."""
    tags = jieba_tags()
    bounds = [s - offset for s in starts if offset <= s < offset + len(stem)] + [len(stem)]
    if not bounds or bounds[0] != 0:
        bounds.insert(0, 0)
    for a, b in zip(bounds, bounds[1:], strict=False):
        piece = stem[a:b]
        if len(piece) > 1 and tags.get(piece, "x") in ("x", "ns", "nr", "nz", "nrt", "nt"):
            return True
        if first_only and len(piece) > 1:
            return False
    return False
