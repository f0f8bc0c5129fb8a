"""Labels of Word's automatic list numbering ("一、", "（二）", "3.").

Word keeps automatic heading numbers out of the paragraph text; python-docx does
not render them, so a report numbered this way would lose its section tree.
This renders the label of each numbered paragraph from numbering.xml.
"""

from __future__ import annotations

from docx.document import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

_CN_DIGITS = "〇一二三四五六七八九"
_CN_FORMATS = frozenset(
    ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographTraditional",
     "japaneseCounting", "taiwaneseCounting", "taiwaneseCountingThousand", "ideographDigital")
)
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def chinese_numeral(number: int) -> str:
    """1..99 as 一..九十九, as headings count."""
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


def _val(element, tag: str) -> str | None:
    child = element.find(qn(tag)) if element is not None else None
    return child.get(qn("w:val")) if child is not None else None


class Numbering:
    """Counters for one document; call `label` on its paragraphs in order."""

    def __init__(self, document: Document) -> None:
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.abstract_of: dict[str, str] = {}
        self.counters: dict[str, dict[int, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return
        for abstract in root.findall(qn("w:abstractNum")):
            abstract_id = abstract.get(qn("w:abstractNumId"))
            for level in abstract.findall(qn("w:lvl")):
                ilvl = int(level.get(qn("w:ilvl"), "0"))
                start = int(_val(level, "w:start") or "1")
                self.levels[(abstract_id, ilvl)] = (_val(level, "w:numFmt") or "decimal", _val(level, "w:lvlText") or "", start)
        for num in root.findall(qn("w:num")):
            abstract_id = _val(num, "w:abstractNumId")
            if abstract_id is not None:
                self.abstract_of[num.get(qn("w:numId"))] = abstract_id

    @staticmethod
    def _num_pr(paragraph: Paragraph):
        ppr = paragraph._p.pPr
        if ppr is not None and ppr.numPr is not None:
            return ppr.numPr
        style = paragraph.style
        while style is not None:
            style_ppr = style.element.pPr
            if style_ppr is not None and style_ppr.numPr is not None:
                return style_ppr.numPr
            style = style.base_style
        return None

    def label(self, paragraph: Paragraph) -> str:
        """The rendered number of a numbered paragraph ("" for bullets and plain paragraphs)."""
        num_pr = self._num_pr(paragraph)
        if num_pr is None or num_pr.numId is None:
            return ""
        num_id = str(num_pr.numId.val)
        ilvl = num_pr.ilvl.val if num_pr.ilvl is not None else 0
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
        for level in range(9):
            placeholder = f"%{level + 1}"
            if placeholder in text:
                level_fmt, _text, level_start = self.levels.get((abstract_id, level), ("decimal", "", 1))
                text = text.replace(placeholder, format_number(counters.get(level, level_start), level_fmt))
        return text
