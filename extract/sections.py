"""The section tree of a report: numbered headings, inline 一是/二是 items, and their kinds.

Reports number their parts 一、 > （一） > 1. > （1）, and list points inline as
一是…二是…. A heading's section runs to the next heading of the same or a higher
rank. Each section says whether it reviews the past year, states problems or
plans ahead, so that facts read in it can be dated and weighed. The result is a
flat list in text order; `parent` ids form the tree and section 0 is the whole
report (its heading is the title line, when there is one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.document import Section
from extract.patterns import guarded

CN_DIGITS = "一二三四五六七八九十"

# (pattern, rank, level): rank orders nesting, level is what Section.level reports.
_HEADINGS: tuple[tuple[re.Pattern[str], float, int], ...] = (
    (re.compile(rf"^第[{CN_DIGITS}]{{1,3}}(?:部分|章|篇)"), 0.5, 1),
    (re.compile(rf"^[{CN_DIGITS}]{{1,3}}\s*[、.．]"), 1, 1),
    (re.compile(rf"^[（(]\s*[{CN_DIGITS}]{{1,3}}\s*[)）]"), 2, 2),
    (re.compile(r"^\d{1,2}\s*(?:、|[.．](?!\d))"), 3, 3),
    (re.compile(r"^(?:[（(]\s*\d{1,2}\s*[)）]|[①②③④⑤⑥⑦⑧⑨⑩])"), 3.5, 3),
)
INLINE_LEVEL = 4
_INLINE_ITEM = guarded(CN_DIGITS, rf"(?:^|(?<=[。；;：:，,！？!?\s]))([{CN_DIGITS}]{{1,3}})是(?=\S)")
_HEADING_END = re.compile(r"[。；;！!？?]|[：:](?=.)")
_ASCII_STOP = re.compile(r"[.．](?=[\u4e00-\u9fff])")  # 1.标题.正文: a full stop before Chinese
_CLAUSE_END = re.compile(r"[，,。；;：:！!？?]")
_TERMINAL = tuple("。；;，,！!？?")

TITLE_WORDS = re.compile(r"总结|计划|报告|打算|要点|汇报|情况|思路|安排")
_PLAN_WORDS = ("计划", "打算", "下一步", "明年", "重点工作安排", "工作安排", "展望", "工作思路", "今后", "下半年", "目标任务")
_PROBLEM_WORDS = ("问题", "不足", "困难", "短板", "差距", "薄弱")
_REVIEW_WORDS = (
    "工作完成情况", "完成情况", "主要成绩", "回顾", "成效", "工作开展情况", "开展情况", "主要做法",
    "工作总结", "取得的成绩", "成绩", "荣誉", "表彰",
)
# Below the first level a keyword names the kind only at the heading's start:
# "（三）聚焦群众急难问题" in a review is still review.
_DEEP_KIND_START = re.compile(
    r"^(?:存在|主要问题|问题|不足|困难|下一步|明年|今后|下半年|20\d\d年|工作计划|工作打算|重点工作|"
    r"主要成绩|工作完成|工作开展|取得|主要做法|获得)"
)
_YEAR = re.compile(r"(20\d\d)\s*年")


def cn_number(numeral: str) -> int:
    """一..九十九 as an int (only what headings use)."""
    if numeral == "十":
        return 10
    if "十" in numeral:
        tens, _, units = numeral.partition("十")
        return (CN_DIGITS.index(tens) + 1 if tens else 1) * 10 + (CN_DIGITS.index(units) + 1 if units else 0)
    return CN_DIGITS.index(numeral) + 1 if len(numeral) == 1 else 0


def heading_match(line: str) -> tuple[float, int] | None:
    """(rank, level) when the line starts with a heading marker."""
    for pattern, rank, level in _HEADINGS:
        if pattern.match(line):
            return rank, level
    return None


def starts_heading(line: str) -> bool:
    """Whether a line opens a numbered heading (used to undo PDF line wrapping too)."""
    return heading_match(line.strip()) is not None


def _title_like(line: str, limit: int = 60) -> bool:
    return bool(line) and len(line) <= limit and not line.endswith(_TERMINAL) and not starts_heading(line)


def title_span(text: str) -> tuple[int, int] | None:
    """Offsets of the title: a short first line naming the report, not a heading or a sentence.

    A short first line that only names the author ("青禾镇人民政府") may head a second line
    that names the report; the title then spans both.
    """
    lines = text.split("\n", 2)
    first = lines[0].strip()
    if not _title_like(first):
        return None
    if TITLE_WORDS.search(first):
        return 0, len(lines[0])
    second = lines[1].strip() if len(lines) > 1 else ""
    if len(first) <= 20 and _title_like(second, 40) and TITLE_WORDS.search(second):
        return 0, len(lines[0]) + 1 + len(lines[1])
    return None


def headline_span(text: str) -> tuple[int, int] | None:
    """A short first line that reads as a headline (某村召开…表彰大会; also a title): a news
    write-up about a village names it there."""
    first = text.split("\n", 1)[0]
    return (0, len(first)) if _title_like(first.strip(), 40) else None


def heading_text(line: str, limit: int = 60) -> str:
    """A heading is its line up to the first sentence end ("(一)标题。正文…" → "(一)标题").

    An ASCII full stop after the marker ends it too when Chinese follows ("1.标题.正文").
    """
    marker = next((m for m in (p.match(line) for p, _r, _l in _HEADINGS) if m), None)
    start = marker.end() if marker else 0
    match = _HEADING_END.search(line, start)
    stop = _ASCII_STOP.search(line, start)
    ends = [m.start() for m in (match, stop) if m]
    head = line[: min(ends)] if ends else line
    return head.strip()[:limit].rstrip("，,、：:")


@dataclass
class _Open:
    section: Section
    rank: float


def _kind_from_words(heading: str) -> str:
    """The kind named by the heading's earliest keyword, or ""."""
    hits = []
    for kind, words in (("plan", _PLAN_WORDS), ("problem", _PROBLEM_WORDS), ("review", _REVIEW_WORDS)):
        positions = [heading.find(word) for word in words if word in heading]
        if positions:
            hits.append((min(positions), kind))
    return min(hits)[1] if hits else ""


def _strip_marker(heading: str) -> str:
    for pattern, _rank, _level in _HEADINGS:
        match = pattern.match(heading)
        if match:
            return heading[match.end() :].strip()
    return heading


def section_kind(heading: str, level: int, parent_kind: str, base_year: int | None) -> str:
    """review / problem / plan from the heading, else the parent's kind, else "other"."""
    body = _strip_marker(heading)
    named = ""
    if level <= 1 or _DEEP_KIND_START.match(body):
        named = _kind_from_words(body)
        if not named and base_year is not None:
            years = [int(y) for y in _YEAR.findall(body)]
            if years and max(years) > base_year:
                named = "plan"
    return named or parent_kind or "other"


def root_kind(title: str) -> str:
    """Text before the first heading: plan in a plan-only report, review in every other."""
    if re.search(r"计划|打算|要点|思路|安排", title) and not re.search(r"总结|报告|情况|回顾|汇报|述职", title):
        return "plan"
    return "review"


def _base_year(title: str, headings: list[str]) -> int | None:
    """The year under review: the earliest year named in the title or the headings."""
    years = [int(y) for text in [title, *headings] for y in _YEAR.findall(text)]
    return min(years) if years else None


def _inline_items(line: str, start: int, parent: Section, counters: dict[int, int]) -> list[tuple[int, int, str]]:
    """(start, end, heading) of 一是/二是 items in one paragraph; N是 counts only after (N-1)是."""
    found: list[tuple[int, str]] = []
    for match in _INLINE_ITEM.finditer(line):
        number = cn_number(match.group(1))
        if number == 1 or number == counters.get(parent.id, 0) + 1:
            counters[parent.id] = number
            found.append((match.start(1), line[match.start(1) :]))
    items = []
    for index, (offset, rest) in enumerate(found):
        end = found[index + 1][0] if index + 1 < len(found) else len(line)
        clause = _CLAUSE_END.search(rest)
        head = rest[: clause.start()] if clause else rest
        items.append((start + offset, start + len(line[:end].rstrip()), head[:40]))
    return items


def parse_sections(text: str) -> list[Section]:
    """The flat section list (text order) of a cleaned report."""
    span = title_span(text)
    title = text[span[0] : span[1]].replace("\n", "").strip() if span else ""
    root = Section(id=0, parent=None, level=0, heading=title, kind="other", start=0, end=len(text))
    sections = [root]
    stack = [_Open(root, 0)]
    counters: dict[int, int] = {}
    offset = 0
    for line in text.split("\n"):
        line_start, offset = offset, offset + len(line) + 1
        if span and line_start < span[1]:
            continue
        stripped = line.strip()
        found = heading_match(stripped)
        if found:
            rank, level = found
            while stack[-1].rank >= rank and len(stack) > 1:
                stack.pop().section.end = max(line_start - 1, 0)
            section = Section(
                id=len(sections), parent=stack[-1].section.id, level=level,
                heading=heading_text(stripped), kind="", start=line_start, end=len(text),
            )
            sections.append(section)
            stack.append(_Open(section, rank))
        parent = stack[-1].section
        for start, end, head in _inline_items(line, line_start, parent, counters):
            sections.append(
                Section(id=len(sections), parent=parent.id, level=INLINE_LEVEL, heading=head, kind="", start=start, end=end)
            )
    base_year = _base_year(title, [s.heading for s in sections if 0 < s.level < INLINE_LEVEL])
    root.kind = root_kind(title)
    for section in sections[1:]:
        parent_kind = sections[section.parent or 0].kind
        if section.level == INLINE_LEVEL:
            section.kind = parent_kind
        else:
            section.kind = section_kind(section.heading, section.level, parent_kind, base_year)
    return sections


def _depth(sections: list[Section], section: Section) -> int:
    depth = 0
    while section.parent is not None:
        section = sections[section.parent]
        depth += 1
    return depth


def section_at(sections: list[Section], offset: int) -> Section | None:
    """The deepest section containing the offset."""
    containing = [s for s in sections if s.start <= offset < max(s.end, s.start + 1)]
    if not containing:
        return None
    return max(containing, key=lambda s: (s.start, _depth(sections, s)))


def heading_paths(sections: list[Section]) -> dict[int, str]:
    """Section id -> headings from the top level down to it, e.g. "一、… / （二）…" (the title is
    left out); each path extends its parent's, so all of them cost one pass."""
    by_id = {s.id: s for s in sections}
    chains: dict[int, tuple[str, ...]] = {}

    def chain(section: Section | None) -> tuple[str, ...]:
        if section is None or section.level <= 0:
            return ()
        if section.id not in chains:
            parent = by_id.get(section.parent) if section.parent is not None else None
            chains[section.id] = (*chain(parent), section.heading)
        return chains[section.id]

    return {s.id: " / ".join(chain(s)) for s in sections}
