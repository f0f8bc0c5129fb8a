"""Numbers with units as reports write them (1.25亿元, 48.03亩, 同比增长9%), normalised to a base unit."""

from __future__ import annotations

import re
from dataclasses import dataclass

MONEY = re.compile(r"(?:总投资|计划总投资|投资|引资额?|合同引资额|金额)(?:超过?|约|达到?|近|逾|共计|累计|为)?\s*([\d.]+)\s*(亿|万|千)?元")
FIGURE = re.compile(
    r"(?P<value>\d+(?:\.\d+)?)\s*(?P<unit>亿元|万元|元|万亩|亩|万吨|吨|万人次|人次|万人|人|公里|千米|平方米|万平方米|户|个|家|件|%|％|‰)"
)
COMPARISON = re.compile(r"(同比增长|同比下降|同比减少|较上年增长|较上年下降|比上年增长|比上年下降|增长|下降|增幅)\s*(\d+(?:\.\d+)?)\s*(%|％|个百分点)")

_SCALE = {"亿": 1e8, "万": 1e4, "千": 1e3, "": 1.0}
_BASE = {
    "亿元": (1e8, "yuan"),
    "万元": (1e4, "yuan"),
    "元": (1.0, "yuan"),
    "万亩": (1e4, "mu"),
    "亩": (1.0, "mu"),
    "万吨": (1e4, "tonne"),
    "吨": (1.0, "tonne"),
    "万人次": (1e4, "person-times"),
    "人次": (1.0, "person-times"),
    "万人": (1e4, "persons"),
    "人": (1.0, "persons"),
    "公里": (1.0, "km"),
    "千米": (1.0, "km"),
    "平方米": (1.0, "m2"),
    "万平方米": (1e4, "m2"),
    "户": (1.0, "households"),
    "个": (1.0, "count"),
    "家": (1.0, "count"),
    "件": (1.0, "count"),
    "%": (0.01, "ratio"),
    "％": (0.01, "ratio"),
    "‰": (0.001, "ratio"),
    "个百分点": (0.01, "ratio"),
}


@dataclass
class Figure:
    value: float
    unit: str
    value_normalised: float
    base_unit: str
    comparison: str = ""
    start: int = 0
    end: int = 0


def normalise(value: float, unit: str) -> tuple[float, str]:
    factor, base = _BASE.get(unit, (1.0, unit))
    return round(value * factor, 6), base


def figure(value: str, unit: str, comparison: str = "", start: int = 0, end: int = 0) -> Figure:
    v = float(value)
    norm, base = normalise(v, unit)
    return Figure(v, unit, norm, base, comparison, start, end)


def money(text: str, start: int = 0, end: int | None = None) -> tuple[float, str] | None:
    """The first investment amount in text[start:end] as (yuan, as written)."""
    m = MONEY.search(text, start, len(text) if end is None else end)
    if m is None:
        return None
    return round(float(m.group(1)) * _SCALE[m.group(2) or ""], 2), m.group(0)
