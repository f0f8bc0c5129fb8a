"""The years a report covers, its kind (工作总结, 工作计划 …) and period."""

from __future__ import annotations

import re
from collections import Counter

from extract.document import Section
from extract.sections import INLINE_LEVEL

_YEAR = re.compile(r"(20\d\d)\s*年")
_CN_YEAR = re.compile(r"([二〇零一三四五六七八九]{4})\s*年")
_CN_YEAR_DIGITS = {ch: str(i) for i, ch in enumerate("〇一二三四五六七八九")} | {"零": "0"}




def _years_in(text: str) -> list[int]:
    found = [int(y) for y in _YEAR.findall(text)]
    for numeral in _CN_YEAR.findall(text):
        digits = "".join(_CN_YEAR_DIGITS.get(ch, "") for ch in numeral)
        if len(digits) == 4 and digits.startswith("20"):
            found.append(int(digits))
    return found


def find_years(title: str, text: str, sections: list[Section]) -> list[int]:
    """Years the report covers: the title's, else its review and plan headings', else the opening's most named."""
    years = sorted(set(_years_in(title)))
    if years:
        return years
    headed = sorted({y for s in sections if 0 < s.level < INLINE_LEVEL and s.kind in ("review", "plan")
                     for y in _years_in(s.heading)})
    if headed:
        return headed
    opening = Counter(_years_in(text[:1500]))
    return [opening.most_common(1)[0][0]] if opening else []


def find_kind(title: str, text: str, sections: list[Section]) -> str:
    """工作总结 / 工作计划 / 工作总结及工作计划 / 政府工作报告, with 上半年 for half-year reports."""
    if "政府工作报告" in title or (not title and "政府工作报告" in text[:300]):
        return "政府工作报告"
    if title:
        summary = bool(re.search(r"总结|回顾|工作情况|完成情况|开展情况|汇报|述职", title))
        plan = bool(re.search(r"计划|打算|思路|安排|要点", title))
        half = bool(re.search(r"上半年|半年", title))
    else:
        top = [s for s in sections if s.level == 1]
        summary = any(s.kind == "review" for s in top) or not top
        plan = any(s.kind == "plan" for s in top)
        half = bool(re.search(r"上半年", text[:400])) or any("上半年" in s.heading for s in top)
    if summary or not plan:
        kind = ("上半年" if half else "") + "工作总结"
        return kind + ("及" + ("下半年" if half else "") + "工作计划" if plan else "")
    return "工作计划"


def find_period(kind: str) -> str:
    """One of graph.model.PERIODS, from the kind."""
    if kind == "政府工作报告":
        return "government-report"
    if kind.startswith("上半年"):
        return "half-year"
    if kind == "工作计划":
        return "plan"
    return "annual" if "总结" in kind else "unknown"
