"""Where a name begins: walk left from its suffix over jieba's tokens until a word that ends names.

jieba's tokens give the candidate start points (a name never starts inside a
word such as 完成 or 新建); word lists and jieba's part-of-speech tags decide
which tokens cannot belong to a name.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection, Iterator

from spacy.attrs import IDX
from spacy.tokens import Doc

from extract.nlp.lexicon import jieba_tags, words

if not Doc.has_extension("token_starts"):
    Doc.set_extension("token_starts", default=None)

_CJK = re.compile(r"^[\u4e00-\u9fff]+$")
_NAME_CHARS = re.compile(r"^[\u4e00-\u9fffA-Za-z()（）·]+$")
# figures that belong to a project's name: 年产5万吨, 12英寸, 10GW
_OUTPUT_FIGURE = re.compile(
    r"(?:年产[\d.]+[万千百]?[吨件台套个辆只片平方米千瓦瓶箱张头羽]*|[\d.]+(?:英寸|[A-Za-z]+))$"
)
_DIGITS = re.compile(r"[\d.]+")
_UNIT = re.compile(r"英寸|万吨|吨|万件|万套|万台|兆瓦|千瓦|GW|MW|万平方米|平方米")
_NUMERALS = re.compile(r"[\d.一二两三四五六七八九十百千万亿几多余第个]+")
_PHASE = re.compile(r"^(?:[一二三四五六七八九十]期|第[一二三四五六七八九十]+)$")
_VERB_TAGS = frozenset({"v", "vn", "vd", "vi"})


def closed_list_items(
    text: str, closing: re.Pattern[str], listing: re.Pattern[str], reach: int
) -> Iterator[tuple[int, int, int]]:
    """(index, start, end) of the items of each 、-list that `closing` ends (甲、乙等…项目).

    Searched back from the closing words, so the scan stays linear; `listing` must end at
    `$` with the list in group 1. A list does not run back into the one closed before it."""
    taken = 0
    for tail in closing.finditer(text):
        m = listing.search(text, max(taken, tail.start() - reach), tail.start())
        taken = tail.end()
        if m is None:
            continue
        pos = m.start(1)
        for i, item in enumerate(m.group(1).split("、")):
            yield i, pos, pos + len(item)
            pos += len(item) + 1


def doc_text(doc: Doc) -> str:
    """The doc's text, built once (Doc.text joins all tokens on every access)."""
    text = doc.user_data.get("govkg_text")
    if text is None:
        text = doc.user_data["govkg_text"] = doc.text
    return text


def token_starts(doc: Doc) -> list[int]:
    """Start offsets of the doc's tokens (set by the layout component)."""
    starts = doc.user_data.get("govkg_starts")  # a plain dict: doc._ costs two objects per access
    if starts is None:
        starts = doc.user_data["govkg_starts"] = doc._.token_starts = doc.to_array(IDX).tolist()
    return starts


def _numeral_word(piece: str, tag: str | None) -> bool:
    """A word jieba tags as a numeral that is part of a name: 纵四路, 万亩 (m); 零部件 (mq) holds no numeral at all."""
    if tag == "m":
        return "元" not in piece and not _NUMERALS.fullmatch(piece)
    if tag == "mq":
        return "元" not in piece and not _NUMERALS.search(piece)
    return False


def extend_left(
    doc: Doc,
    end: int,
    max_len: int,
    tags: Collection[str],
    verbs_inside: bool = False,
    allow_latin: bool = False,
    keep: frozenset[str] = frozenset(),
) -> int:
    """Start of the name whose stem ends at `end`: whole tokens, at most `max_len` chars.

    A token ends the walk when it is punctuation or a number, a listed function
    word, or a multi-character word whose jieba tag is in `tags`. With
    `verbs_inside`, construction verbs right before the suffix stay (幼儿园新建项目),
    and so do phases (一期) and output figures (年产5万吨); `keep` lists words
    that may stand inside the name (及, 至 in project names).
    """
    text = doc_text(doc)
    starts = token_starts(doc)
    stops = words("function_words.txt")
    pos_tags = jieba_tags()
    k = bisect_right(starts, end - 1) - 1
    pos = end
    verb_chain = verbs_inside  # verbs right before the suffix belong to the name (整治提升工程)
    pattern = _NAME_CHARS if allow_latin else _CJK
    while k >= 0:
        s = starts[k]
        if end - s > max_len:
            break
        piece = text[s:pos]
        tag = pos_tags.get(piece)
        ok = pattern.match(piece) is not None
        if ok and verb_chain and len(piece) > 1 and (tag == "vn" or piece in words("construction_verbs.txt")):
            pos = s
            k -= 1
            continue
        verb_chain = False
        if ok and piece not in keep and not (verbs_inside and _PHASE.match(piece)):
            ok = piece not in stops and not (len(piece) > 1 and tag in tags and not _numeral_word(piece, tag))
        if not ok and keep and piece == "”":  # a quoted part of a name: “平安家庭”培育工程
            quote = text.rfind("“", max(0, s - 16), s)
            if quote >= 0 and end - quote <= max_len:
                pos = quote
                k = bisect_right(starts, pos - 1) - 1
                continue
        if not ok and verbs_inside and _DIGITS.fullmatch(piece) and _UNIT.match(text, pos):
            pos = s  # 12英寸, 5万吨: the number of a figure whose unit is already in the name
            k -= 1
            continue
        if not ok:
            figure = _OUTPUT_FIGURE.search(text, max(0, pos - 20), pos) if verbs_inside else None
            if figure is None or end - figure.start() > max_len:
                break
            pos = figure.start()
            k = bisect_right(starts, pos - 1) - 1
            continue
        pos = s
        k -= 1
    return pos
