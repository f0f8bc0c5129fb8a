"""Per-character features for the CRF: the characters around, jieba's word and tag, the rules' candidates.

The rules (every component before the tagger) become features here: a character
inside a rule's Project gets `r:I-Project`, so the model learns when to trust a
rule and when the context says otherwise.
"""

from __future__ import annotations

from bisect import bisect_right

from extract.nlp.lexicon import jieba_tags
from extract.nlp.mention import Mention


def _kind(ch: str) -> str:
    if "\u4e00" <= ch <= "\u9fff":
        return "h"
    if ch.isdigit():
        return "d"
    if ch.isascii() and ch.isalpha():
        return "a"
    if ch.isspace():
        return "s"
    return "p"


def _span_marks(n: int, spans: list[tuple[int, int, str]], prefix: str) -> list[list[str]]:
    marks: list[list[str]] = [[] for _ in range(n)]
    for start, end, label in spans:
        if start >= end:
            continue
        marks[start].append(f"{prefix}B-{label}")
        for i in range(start + 1, end - 1):
            marks[i].append(f"{prefix}I-{label}")
        if end - 1 > start:
            marks[end - 1].append(f"{prefix}E-{label}")
    return marks


def char_features(text: str, starts: list[int], found: list[Mention]) -> list[list[str]]:
    """One feature list per character of `text`; `starts` are jieba's token starts,
    `found` the rules' mentions (places among them carry the gazetteer's grade)."""
    n = len(text)
    tags = jieba_tags()
    rules = _span_marks(n, [(m.start, m.end, m.label) for m in found], "r:")
    padded = "\x02\x02\x02" + text + "\x03\x03\x03"
    kinds = [_kind(c) for c in text]
    word_bounds = [*starts, n]
    out: list[list[str]] = []
    k = 0
    for i, ch in enumerate(text):
        while k + 1 < len(starts) and word_bounds[k + 1] <= i:
            k += 1
        ws, we = word_bounds[k], word_bounds[k + 1]
        word = text[ws:we]
        size = we - ws
        pos = "S" if size == 1 else "B" if i == ws else "E" if i == we - 1 else "M"
        tag = tags.get(word, "x")
        j = i + 3
        feats = [
            "c=" + ch,
            "c-1=" + padded[j - 1],
            "c+1=" + padded[j + 1],
            "c-2=" + padded[j - 2],
            "c+2=" + padded[j + 2],
            "b-1=" + padded[j - 1 : j + 1],
            "b+1=" + padded[j : j + 2],
            "b-2=" + padded[j - 2 : j],
            "b+2=" + padded[j + 1 : j + 3],
            "t-1=" + padded[j - 1 : j + 2],
            "k=" + kinds[i],
            "wp=" + pos,
            "wt=" + tag + pos,
            "wl=" + str(min(size, 5)) + pos,
        ]
        if size > 1:
            feats.append("w=" + word)
        if pos in "BS" and k > 0:
            feats.append("pw=" + text[word_bounds[k - 1] : ws])
            feats.append("pt=" + tags.get(text[word_bounds[k - 1] : ws], "x"))
            if k > 1:
                feats.append("pw2=" + text[word_bounds[k - 2] : word_bounds[k - 1]])
        if pos in "ES" and k + 2 < len(word_bounds):
            feats.append("nw=" + text[we : word_bounds[k + 2]])
            if k + 3 < len(word_bounds):
                feats.append("nw2=" + text[word_bounds[k + 2] : word_bounds[k + 3]])
        feats.extend(rules[i])
        out.append(feats)
    return out


def token_index(starts: list[int], offset: int) -> int:
    return bisect_right(starts, offset) - 1
