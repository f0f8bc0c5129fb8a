"""Labels of Word's automatic list numbering ("一、", "（二）", "3.").

Word keeps automatic heading numbers out of the paragraph text; python-docx does
not render them, so a report numbered this way would lose its section tree.
This renders the label of each numbered paragraph from numbering.xml.
"""

from __future__ import annotations

from docx.document import Document
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

_CN_DIGITS = "〇一二三四五六七八九"
_CN_FORMATS = frozenset(
    ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographTraditional",
     "japaneseCounting", "taiwaneseCounting", "taiwaneseCountingThousand", "ideographDigital")
)
_LEVELS = range(9)  # Word's list levels; others in a file are ignored
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def chinese_numeral(number: int) -> str:
    """1..99 as 一..九十九, as headings count; other numbers in digits."""
    if not 0 <= number < 100:
        return str(number)
    if number < 10:
        return _CN_DIGITS[number]
    tens, units = divmod(number, 10)
    return (_CN_DIGITS[tens] if tens > 1 else "") + "十" + (_CN_DIGITS[units] if units else "")


def format_number(number: int, fmt: str) -> str:
    if fmt in _CN_FORMATS:
        return chinese_numeral(number)
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return _CIRCLED[number - 1] if 0 < number <= len(_CIRCLED) else str(number)
    if fmt == "lowerLetter":
        return chr(ord("a") + (number - 1) % 26)
    if fmt == "upperLetter":
        return chr(ord("A") + (number - 1) % 26)
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(ch) + 0xFEE0) for ch in str(number))
    return str(number)


_W_VAL, _PPR, _NUM_PR, _P_STYLE = qn("w:val"), qn("w:pPr"), qn("w:numPr"), qn("w:pStyle")


def _val(element: BaseOxmlElement | None, tag: str) -> str | None:
    child = element.find(qn(tag)) if element is not None else None
    return child.get(_W_VAL) if child is not None else None


def _num_pr_of(element: BaseOxmlElement | None) -> BaseOxmlElement | None:
    """The w:numPr of a paragraph or style element's w:pPr."""
    ppr = element.find(_PPR) if element is not None else None
    return ppr.find(_NUM_PR) if ppr is not None else None


class ParagraphStyles:
    """Which numbering each paragraph style gives, read once from styles.xml.

    python-docx's `paragraph.style` searches styles.xml with XPath on every call,
    and its `base_style` again for each step up the chain: with many paragraphs
    and many styles that cost minutes for a 100 KB file. Here each style is looked
    up in a dict and each style's answer is kept; a basedOn cycle ends the walk.
    """

    def __init__(self, document: Document) -> None:
        self.by_id: dict[str, BaseOxmlElement] = {}
        self.default: BaseOxmlElement | None = None
        self._num_pr: dict[str | None, BaseOxmlElement | None] = {}
        try:
            root = document.part.styles.element  # python-docx makes default styles when the part is absent
        except (KeyError, NotImplementedError):
            return
        for style in root.findall(qn("w:style")):
            if style.get(qn("w:type"), "paragraph") != "paragraph":
                continue
            style_id = style.get(qn("w:styleId"))
            if style_id is not None:
                self.by_id.setdefault(style_id, style)  # as python-docx: the first of an id wins
            if style.get(qn("w:default")) == "1":
                self.default = style  # as python-docx: the last default wins

    def num_pr(self, style_id: str | None) -> BaseOxmlElement | None:
        """The w:numPr a paragraph of style `style_id` inherits (unknown ids mean the default style)."""
        if style_id in self._num_pr:
            return self._num_pr[style_id]
        style = self.by_id.get(style_id) if style_id is not None else None
        style = self.default if style is None else style
        seen: set[int] = set()
        found = None
        while style is not None and id(style) not in seen:
            seen.add(id(style))
            found = _num_pr_of(style)
            if found is not None:
                break
            based_on = _val(style, "w:basedOn")
            style = self.by_id.get(based_on) if based_on is not None else None
        self._num_pr[style_id] = found
        return found


class Numbering:
    """Counters for one document; call `label` on its paragraphs in order."""

    def __init__(self, document: Document) -> None:
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.abstract_of: dict[str, str] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.styles = ParagraphStyles(document)
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return
        for abstract in root.findall(qn("w:abstractNum")):
            abstract_id = abstract.get(qn("w:abstractNumId"))
            for level in abstract.findall(qn("w:lvl")):
                ilvl = int(level.get(qn("w:ilvl"), "0"))
                if ilvl not in _LEVELS:
                    continue
                start = int(_val(level, "w:start") or "1")
                self.levels[(abstract_id, ilvl)] = (_val(level, "w:numFmt") or "decimal", _val(level, "w:lvlText") or "", start)
        for num in root.findall(qn("w:num")):
            abstract_id = _val(num, "w:abstractNumId")
            if abstract_id is not None:
                self.abstract_of[num.get(qn("w:numId"))] = abstract_id

    def _num_pr(self, p: BaseOxmlElement) -> BaseOxmlElement | None:
        ppr = p.find(_PPR)
        if ppr is None:
            return self.styles.num_pr(None)
        found = ppr.find(_NUM_PR)
        if found is not None:
            return found
        style = ppr.find(_P_STYLE)
        return self.styles.num_pr(style.get(_W_VAL) if style is not None else None)

    def label(self, p: BaseOxmlElement) -> str:
        """The rendered number of a numbered paragraph (w:p) ("" for bullets and plain paragraphs)."""
        if not self.levels:  # no list is defined: nothing is numbered
            return ""
        num_pr = self._num_pr(p)
        num_id = _val(num_pr, "w:numId")
        if num_id is None:
            return ""
        ilvl = int(_val(num_pr, "w:ilvl") or "0")
        abstract_id = self.abstract_of.get(num_id)
        if abstract_id is None or (abstract_id, ilvl) not in self.levels:
            return ""
        fmt, text, start = self.levels[(abstract_id, ilvl)]
        if fmt in ("bullet", "none"):
            return ""
        counters = self.counters.setdefault(abstract_id, {})
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [level for level in counters if level > ilvl]:
            del counters[deeper]
        for level in _LEVELS:
            placeholder = f"%{level + 1}"
            if placeholder in text:
                level_fmt, _text, level_start = self.levels.get((abstract_id, level), ("decimal", "", 1))
                text = text.replace(placeholder, format_number(counters.get(level, level_start), level_fmt))
        return text
