"""Tables flattened to text (序号 项目名称 总投资 … / 1 青禾智能装备制造 3.5 …): the cells of a
named column, row by row, for the components that read one (projects, honours)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

_CELL = re.compile(r"[^\t |\u3000]+")
_ROW_NUMBER = re.compile(r"\d{1,3}[.、]?")
_NUMBER_COLUMNS = frozenset({"序号", "编号", "序", "No.", "NO", "No"})
_HEADER_NOTE = re.compile(r"[（(][^）)]*[）)]")
_HEADER_SPLIT = re.compile(r"[/／、]")
_RULE = re.compile(r":?-{2,}:?")


@dataclass(frozen=True)
class Cell:
    start: int
    end: int
    text: str


def _cells(line: str, offset: int) -> list[Cell]:
    return [Cell(offset + m.start(), offset + m.end(), m.group()) for m in _CELL.finditer(line)]


def header_name(cell: str) -> str:
    """A header cell without its note or its second name (获奖单位（个人） and 获奖集体/个人
    are 获奖单位 and 获奖集体)."""
    return _HEADER_SPLIT.split(_HEADER_NOTE.sub("", cell))[0]


def column_rows(text: str, headers: frozenset[str]) -> Iterator[dict[str, Cell]]:
    """Each row under a header line that names one of `headers` as a cell, as {header: cell}
    for every header of that line. A table whose first column numbers its rows (序号) ends
    at the first line that does not open with a row number; one without (a Markdown
    table) at the first line with fewer cells than the header."""
    seen: set[int] = set()
    for hit in _header_words(headers).finditer(text):  # only lines that hold a header word are split
        pos = text.rfind("\n", 0, hit.start()) + 1
        if pos in seen:
            continue
        seen.add(pos)
        line_end = text.find("\n", hit.end())
        line_end = len(text) if line_end < 0 else line_end
        names = [header_name(c.text) for c in _cells(text[pos:line_end], pos)]
        if len(names) < 2 or not headers & set(names):
            continue
        numbered = names[0] in _NUMBER_COLUMNS
        row_pos = line_end + 1
        while row_pos < len(text):
            end = text.find("\n", row_pos)
            end = len(text) if end < 0 else end
            row = _cells(text[row_pos:end], row_pos)
            row_pos = end + 1
            if not numbered and row and all(_RULE.fullmatch(c.text) for c in row):
                continue  # |---|---|: a Markdown table's rule
            if not numbered and len(row) == len(names) + 1 and _ROW_NUMBER.fullmatch(row[0].text):
                row = row[1:]  # rows numbered under a header that names no number column
            if len(row) < 2 or (_ROW_NUMBER.fullmatch(row[0].text) is None if numbered else len(row) < len(names)):
                break
            yield {name: cell for name, cell in zip(names, row, strict=False)}


@lru_cache(maxsize=8)
def _header_words(headers: frozenset[str]) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, sorted(headers, key=len, reverse=True))))
