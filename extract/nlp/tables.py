"""Tables flattened to text (序号 项目名称 总投资 … / 1 青禾智能装备制造 3.5 …): the cells of a
named column, row by row, for the components that read one (projects, honours)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

_CELL = re.compile(r"[^\t |\u3000]+")
_ROW_NUMBER = re.compile(r"\d{1,3}[.、]?")


@dataclass(frozen=True)
class Cell:
    start: int
    end: int
    text: str


def _cells(line: str, offset: int) -> list[Cell]:
    return [Cell(offset + m.start(), offset + m.end(), m.group()) for m in _CELL.finditer(line)]


def column_rows(text: str, headers: frozenset[str]) -> Iterator[dict[str, Cell]]:
    """Each numbered row under a header line that names one of `headers` as a cell, as
    {header: cell} for every header of that line; rows end at the first line that does
    not open with a row number."""
    seen: set[int] = set()
    for hit in _header_words(headers).finditer(text):  # only lines that hold a header word are split
        pos = text.rfind("\n", 0, hit.start()) + 1
        if pos in seen:
            continue
        seen.add(pos)
        line_end = text.find("\n", hit.end())
        line_end = len(text) if line_end < 0 else line_end
        names = [c.text for c in _cells(text[pos:line_end], pos)]
        if len(names) >= 2 and headers & set(names):
            row_pos = line_end + 1
            while row_pos < len(text):
                end = text.find("\n", row_pos)
                end = len(text) if end < 0 else end
                row = _cells(text[row_pos:end], row_pos)
                if len(row) < 2 or not _ROW_NUMBER.fullmatch(row[0].text):
                    break
                yield {name: cell for name, cell in zip(names, row, strict=False)}
                row_pos = end + 1


@lru_cache(maxsize=8)
def _header_words(headers: frozenset[str]) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, sorted(headers, key=len, reverse=True))))
