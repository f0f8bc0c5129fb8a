"""Honours listed under an honours heading, with no award verb (三、获得荣誉情况 / 1.全国文明村（中央文明委）).

A report often closes its review with its honours as a list: one title per line
or several per line, a recipient before a colon or a space (青禾村：全国文明村,
张三：优秀党员), or in a note after the title (全国文明村（青禾村）); a note that
only says who gave it or when (（省爱卫会，2023年5月）) is not part of the title.
The list runs from a heading that names honours (荣誉, 表彰, 获奖) to the next
heading that does not. A line with an award verb is left to the honours step.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc

from extract.nlp.boundaries import doc_text
from extract.nlp.components.honours import (
    TITLED_LIST,
    TRIGGER,
    clean_title,
    commendation,
    held_at,
    honour_level,
    recipient_like,
    recipient_mention,
    title_note,
    valid_title,
)
from extract.nlp.mention import Mention, mentions

# a heading that names honours (三、获得荣誉情况, （二）个人荣誉, 荣誉榜：)
_HONOUR_HEADING = re.compile(r"(?:荣誉|表彰|奖励|获奖|奖项)(?:情况|榜|名单|清单|一览)?[：:]?$")
# a heading of the report's outline (三、… / （一）…): it ends an honours list unless it names honours
_MARKER = re.compile(r"^(?:第[一二三四五六七八九十]{1,3}(?:部分|章)|[一二三四五六七八九十]{1,3}\s*[、.．]|[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）])")
# a sentence that announces the list (先后获得以下荣誉：, 获奖情况如下：)
_LIST_INTRO = re.compile(r"(?:荣誉|表彰|获奖|奖项|称号|殊荣)[^，。；,;：:]{0,6}[：:]$")
# a line that names the list and holds it (主要荣誉：A、B、C)
_INLINE_LIST = re.compile(r"^[ \t　]*(?:[一二三四五六七八九十\d]+[、.．]|[（(][一二三四五六七八九十\d]+[)）])?[ \t　]*[^，。；,;：:\n]{0,10}(?:荣誉|表彰|获奖|奖项)[^，。；,;：:\n]{0,4}[：:]")
_PROSE_WORDS = re.compile(r"表彰(?!为)|评选|评出|开展|推进|完成|实现|推荐|[\d一二两三四五六七八九十]+[个名项家人次户](?![\u4e00-\u9fff]*[：:])")
_ITEM_MARKER = re.compile(r"^[ \t　]*(?:\d{1,2}\s*(?:[、.．]|[)）])|[（(]\s*\d{1,2}\s*[)）]|[①②③④⑤⑥⑦⑧⑨⑩]|[-•·●▪])?[ \t　]*")
_SEPARATOR = re.compile(r"[、；;，,]")
_RECIPIENT_COLON = re.compile(r"^([^：:]{2,16})[：:]\s*(?=\S)")
# a title first, then who holds it (全国“一村一品”示范村镇：青禾村): the title opens with its level or quote
_TITLE_COLON = re.compile(r"^((?:全国|国家|中国|全省|省级|全市|市级|全县|县级|全区|区级|[\u4e00-\u9fff]{2,3}[省市]|“)[^：:]{2,30})[：:]\s*(\S[^：:]{1,30})$")
# a holder first, then its titles (（1）浦市镇：湖南省历史文化名镇、…): each title opens with a level or place
_HOLDER_FIRST = re.compile(r"^[ \t　]*(?:[（(]?[一二三四五六七八九十\d]{1,2}[）)、.．]\s*)?([^：:，。；\s]{2,16})[：:]\s*")
_LEVELLED = re.compile(r"(?:全国|国家|中国|全省|省级|全市|市级|全县|县级|全区|区级|[\u4e00-\u9fff]{2,3}(?:省|市|州|县|区))")
_RECIPIENT_SPACE = re.compile(r"^(\S{2,16})[ \t　]+(?=\S)")


def _pieces(line: str, start: int) -> Iterator[tuple[int, str]]:
    """The items of a line split at separators outside brackets, with their offsets."""
    depth, begin = 0, 0
    for i, ch in enumerate(line):
        depth += ch in "（(“"
        depth -= ch in "）)”"
        if depth <= 0 and _SEPARATOR.match(ch):
            yield start + begin, line[begin:i]
            begin = i + 1
            depth = 0
    yield start + begin, line[begin:]


def _item(text: str, at: int, raw: str, personal: bool, out: list[Mention]) -> list[Mention] | None:
    """One listed honour and its recipient where the item names one; None if it is no title."""
    lead = len(raw) - len(raw.lstrip())
    at, raw = at + lead, raw.strip().rstrip("。")
    recipient: tuple[int, int] | None = None
    titled = _TITLE_COLON.match(raw)
    holder = title_note(titled.group(2))[0] if titled else ""
    if titled and recipient_like(holder):  # 全国劳动模范：张三（青禾村党支部书记）
        recipient = (at + titled.start(2), at + titled.start(2) + len(holder.rstrip()))
        raw = titled.group(1)
    for pattern in () if recipient else (_RECIPIENT_COLON, _RECIPIENT_SPACE):
        m = pattern.match(raw)
        if m and recipient_like(m.group(1)):
            recipient = (at + m.start(1), at + m.end(1))
            at, raw = at + m.end(), raw[m.end() :]
            break
    raw, noted = title_note(raw)
    if recipient is None and noted is not None:
        recipient = (at + noted[0], at + noted[1])
    title = clean_title(raw)
    if len(title) < 4 or not valid_title(title, False):
        return None
    found: list[Mention] = []
    properties: dict[str, object] = {"level": honour_level(title)}
    if recipient is not None:
        found += held_at(text, recipient[0], recipient[1], properties, out)
    elif personal:
        properties["awarded"] = False  # a personal honour with no name: not the report's place
    found.append(Mention(at, at + len(raw), "Honour", title, properties))
    return found


def _line_items(text: str, line: str, start: int, personal: bool, out: list[Mention]) -> list[Mention] | None:
    """The honours of one list line, or None where a piece of it is no title (a line of prose)."""
    body = _ITEM_MARKER.match(line).end()
    if _PROSE_WORDS.search(line, body):
        return None  # 全年表彰先进集体10个、先进个人30名: a sentence about honours, not a list of them
    found: list[Mention] = []
    for at, piece in _pieces(line[body:], start + body):
        if not piece.strip():
            continue
        item = _item(text, at, piece, personal, out)
        if item is None:
            return None
        found += item
    return found


@Language.component("govkg_honour_lists", requires=["doc._.mentions"], assigns=["doc._.mentions"])
def honour_lists(doc: Doc) -> Doc:
    text = doc_text(doc)
    out = mentions(doc)
    inside, personal, pos = False, False, 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        stripped = line.strip()
        if (len(stripped) <= 24 and _HONOUR_HEADING.search(stripped) and (_MARKER.match(stripped) or not _SEPARATOR.search(stripped))) or _LIST_INTRO.search(stripped):
            inside, personal = True, "个人" in stripped
            continue
        held = _HOLDER_FIRST.match(line)
        if held and recipient_like(held.group(1)):  # （1）浦市镇：湖南省历史文化名镇、湘西州“先进基层党组织”
            found = _line_items(text, line[held.end() :], start + held.end(), False, out)
            if found and all(_LEVELLED.match(m.name) for m in found if m.label == "Honour"):
                holder = (start + held.start(1), start + held.end(1))
                named = recipient_mention(text, holder[0], holder[1], out)
                out += ([named] if named else []) + found
                for m in found:
                    if m.label == "Honour" and "recipient_at" not in m.properties:
                        m.properties["recipient_at"] = list(holder)
                continue
        inline = _INLINE_LIST.match(line)
        if inline:  # 主要荣誉：A、B、C
            out += _line_items(text, line[inline.end() :], start + inline.end(), "个人" in inline.group(), out) or []
            continue
        if _MARKER.match(stripped):
            inside = False
        if not inside or not stripped or TRIGGER.search(stripped) or commendation(TITLED_LIST.match(line)) or "\t" in stripped or "|" in stripped:
            continue  # a verb's clause, a commendation or a table row: the honours step reads those
        found = _line_items(text, line, start, personal, out)
        if found is None and not _ITEM_MARKER.match(line).group().strip():
            inside = False  # an unnumbered line of prose: the list has ended
        out += found or []
    return doc
