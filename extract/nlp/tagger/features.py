"""Per-character features for the CRF: the characters around, jieba's word, its tag and its neighbours.

The rules' mentions are deliberately not features. With them the model learned to
copy the rules and, merged rules-first, added nothing in cross-validation (dev
micro 0.723 either way); without them it is a second, independent reader whose
extra names lift cross-validated dev micro to 0.733 (docs/quality.md).

Built column by column over the whole text (one list comprehension per feature,
then zipped), which is several times faster than a loop per character.
"""

from __future__ import annotations

from bisect import bisect_left

from extract.nlp.lexicon import jieba_tags

_PAD = "\x02\x02"
_END = "\x03\x03"


def _word_columns(text: str, starts: list[int]) -> tuple[list[str], list[str], list[str]]:
    """Per character: its word's position + tag, the word itself (if long), and the
    context words (before a word's first character, after its last)."""
    tags = jieba_tags()
    bounds = [*starts, len(text)]
    words = [text[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
    wtags = [tags.get(w, "x") for w in words]
    pos_tag: list[str] = []
    word_col: list[str] = []
    ctx_col: list[str] = []
    last = len(words) - 1
    for k, w in enumerate(words):
        size = len(w)
        tag = wtags[k]
        head = ("pw=" + words[k - 1]) if k else "pw=^"
        tail = ("nw=" + words[k + 1]) if k < last else "nw=$"
        if size == 1:
            pos_tag.append("wt=S" + tag)
            word_col.append("")
            ctx_col.append(head + "\t" + tail)
            continue
        ww = "w=" + w
        pos_tag.extend(["wt=B" + tag, *(["wt=M" + tag] * (size - 2)), "wt=E" + tag])
        word_col.extend([ww] * size)
        ctx_col.extend([head, *([""] * (size - 2)), tail])
    return pos_tag, word_col, ctx_col


def sentence_features(text: str, starts: list[int], sentences: list[tuple[int, int]]) -> list[list[list[str]]]:
    """Features of each sentence on its own (what training and tagging both see), so a
    report's sentences the tagger skips cost nothing."""
    out = []
    for a, b in sentences:
        lo, hi = bisect_left(starts, a), bisect_left(starts, b)
        local = [s - a for s in starts[lo:hi]]
        if not local or local[0] != 0:
            local.insert(0, 0)
        out.append(char_features(text[a:b], local))
    return out


def char_features(text: str, starts: list[int]) -> list[list[str]]:
    """One feature list per character of `text`; `starts` are jieba's token starts."""
    n = len(text)
    padded = _PAD + text + _END
    c = ["c=" + ch for ch in text]
    cp = ["c-1=" + ch for ch in padded[1 : n + 1]]
    cn = ["c+1=" + ch for ch in padded[3 : n + 3]]
    bp = ["b-1=" + padded[i + 1 : i + 3] for i in range(n)]
    bn = ["b+1=" + padded[i + 2 : i + 4] for i in range(n)]
    tri = ["t-1=" + padded[i + 1 : i + 4] for i in range(n)]
    pos_tag, word_col, ctx_col = _word_columns(text, starts)
    out = [list(row) for row in zip(c, cp, cn, bp, bn, tri, pos_tag, strict=True)]
    for i, (word, ctx) in enumerate(zip(word_col, ctx_col, strict=True)):
        row = out[i]
        if word:
            row.append(word)
        if ctx:
            row.extend(ctx.split("\t"))
    return out
