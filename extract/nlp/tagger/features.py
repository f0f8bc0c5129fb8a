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
from collections.abc import Iterator

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


def _local_starts(starts: list[int], sentences: list[tuple[int, int]]) -> Iterator[tuple[int, int, list[int]]]:
    """Each sentence with its token starts counted from the sentence (the first at 0)."""
    for a, b in sentences:
        lo, hi = bisect_left(starts, a), bisect_left(starts, b)
        local = [s - a for s in starts[lo:hi]]
        if not local or local[0] != 0:
            local.insert(0, 0)
        yield a, b, local


def sentence_features(text: str, starts: list[int], sentences: list[tuple[int, int]]) -> list[list[list[str]]]:
    """Features of each sentence on its own (what training and tagging both see), so a
    report's sentences the tagger skips cost nothing."""
    return [char_features(text[a:b], local) for a, b, local in _local_starts(starts, sentences)]


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


class _Known:
    """The attributes a tagger knows, and the known character features of each character
    trigram (all six depend on the character before, the character and the one after).
    Features are kept as UTF-8 bytes: pycrfsuite takes bytes as they are and encodes a str
    on every call, so each distinct feature is encoded once here instead."""

    _LIMIT = 500_000  # trigrams kept; the table starts afresh beyond it

    def __init__(self, known: frozenset[str]) -> None:
        self.known = known
        kinds: dict[str, dict[str, str]] = {}
        for attr in known:
            kind, _, value = attr.partition("=")
            kinds.setdefault(kind, {})[value] = attr
        self.wt, self.w = kinds.get("wt", {}), kinds.get("w", {})
        self.trigrams: dict[str, tuple[bytes, ...]] = {}
        self.words: dict[str, tuple] = {}
        self.first = self._split("pw=^")  # the first word's left neighbour, the last's right one
        self.final = self._split("nw=$")

    def _split(self, feature: str) -> tuple[bytes, ...]:
        # char_features splits its context column at tabs (a word may hold one)
        return tuple(x.encode() for x in feature.split("\t") if x in self.known)

    def word(self, w: str) -> tuple:
        """Known word features of `w`: as a single character, on its first, middle and last
        character, as a left neighbour, as a right neighbour, and its length."""
        if len(self.words) >= self._LIMIT:
            self.words.clear()
        tag = jieba_tags().get(w, "x")
        wt, ww = self.wt.get, self.w.get(w)
        single = tuple(x.encode() for x in (wt("S" + tag),) if x is not None)
        first, middle, last = (tuple(x.encode() for x in (wt(p + tag), ww) if x is not None) for p in "BME")
        info = self.words[w] = (single, first, middle, last, self._split("pw=" + w), self._split("nw=" + w), len(w))
        return info

    def chars(self, tri: str) -> tuple[bytes, ...]:
        """c, c-1, c+1, b-1, b+1, t-1 (char_features' order) of the middle character of `tri`, if known."""
        found = self.trigrams.get(tri)
        if found is None:
            if len(self.trigrams) >= self._LIMIT:
                self.trigrams.clear()
            before, ch, after = tri
            row = ("c=" + ch, "c-1=" + before, "c+1=" + after, "b-1=" + before + ch, "b+1=" + ch + after, "t-1=" + tri)
            found = self.trigrams[tri] = tuple(f.encode() for f in row if f in self.known)
        return found


_known_cache: dict[frozenset[str], _Known] = {}


def known_sentence_features(
    text: str, starts: list[int], sentences: list[tuple[int, int]], known: frozenset[str]
) -> list[list[tuple[bytes, ...]]]:
    """`sentence_features` keeping only the attributes in `known`, in the same order (rows are
    tuples of UTF-8 bytes, which pycrfsuite takes as it takes lists of str).

    CRFsuite's tagger drops every attribute its model does not know and sums the
    others in item order, so a tagger given these tags exactly as with the full
    features; only the training needs them all."""
    index = _known_cache.get(known)
    if index is None:
        index = _known_cache[known] = _Known(known)
    return [_known_char_features(text[a:b], local, index) for a, b, local in _local_starts(starts, sentences)]


def _known_char_features(text: str, starts: list[int], index: _Known) -> list[tuple[bytes, ...]]:
    n = len(text)
    padded = _PAD + text + _END
    known_rows, chars = index.trigrams.get, index.chars  # the table read inline: one call less per character
    trigrams = [padded[i : i + 3] for i in range(1, n + 1)]
    char_rows = [row if (row := known_rows(tri)) is not None else chars(tri) for tri in trigrams]
    # the word columns of _word_columns, joined to each row as char_features does, filtered
    bounds = [*starts, n]
    seen, word = index.words.get, index.word
    words = [text[x:y] for x, y in zip(bounds, bounds[1:], strict=False)]
    infos = [info if (info := seen(w)) is not None else word(w) for w in words]
    after = [*(info[5] for info in infos[1:]), index.final]  # nw= of each word's right neighbour
    rows: list[tuple[bytes, ...]] = []
    pos = 0
    before = index.first  # pw= of the word's left neighbour
    for info, right in zip(infos, after, strict=True):
        size = info[6]
        if size == 1:
            rows.append(char_rows[pos] + info[0] + before + right)
        else:
            rows.append(char_rows[pos] + info[1] + before)
            if size > 2:
                middle = info[2]
                rows += [row + middle for row in char_rows[pos + 1 : pos + size - 1]]
            rows.append(char_rows[pos + size - 1] + info[3] + right)
        pos += size
        before = info[4]
    return rows
