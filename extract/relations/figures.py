"""Numbers with units as reports write them (1.25亿元, 48.03亩, 同比增长9%), normalised to a base unit."""

from __future__ import annotations

import contextlib
import io
import re
from dataclasses import dataclass
from typing import Any

# an investment amount: 投资1.2亿元, 总投资约3500万元, 计划投资2-3亿元 (a range keeps its lower end),
# 投资额超1,200万元, 投资2000多万元; 亿美元 and other currencies are not yuan and are left alone
_NUM = r"\d[\d,]*(?:\.\d+)?"
MONEY = re.compile(
    r"(?:计划总投资|总投资额?|协议投资|计划投资|投资额|投资|引资额?|合同引资额|签约金额|金额)"
    r"(?:预计|分别为|共计|累计|超过?|逾|约|近|达到?|高达|为|了)*\s*"
    rf"(?P<low>{_NUM})(?:多|余)?\s*(?:(?P<low_scale>亿|万|千)(?:多|余)?(?:美元|元)?)?\s*(?:[-—–~～至到]\s*(?P<high>{_NUM})\s*)?"
    r"(?P<scale>亿|万|千)?(?P<currency>美元|元)"
)
# a figure: 48.03亩, 1,200万元, 3.2万余人 (unit 万人), 86.5%; the scale (万, 亿) goes with the unit
FIGURE = re.compile(
    rf"(?P<value>{_NUM})\s*(?P<scale>亿|万)?(?:多|余)?"
    r"(?P<base>元|亩|公顷|吨|人次|人|公里|千米|平方米|立方米|户|个|家|件|头|只|台|辆|座|处|条|套|间|所|%|％|‰)"
)
# a change against a base: 同比增长9%, 较上年下降1.2个百分点, 比上年提高2个百分点, 增幅6.8%
_BASE_WORDS = r"(?:同比|环比|较上年同期|较上年|比上年同期|比上年|较去年同期|较去年|比去年同期|比去年)"
_CHANGE_WORDS = r"(?:增长|下降|减少|增加|提高|提升|上升|回落|降低|下滑|增幅|降幅|增速)"
COMPARISON = re.compile(
    rf"(?P<words>{_BASE_WORDS}?{_CHANGE_WORDS}|{_BASE_WORDS})(?:了|为|达|约)?\s*"
    r"(?P<value>\d+(?:\.\d+)?)\s*(?P<unit>%|％|个百分点|百分点|倍)"
)
_FALLING = re.compile(r"下降|减少|回落|降低|下滑|降幅")
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
    "台": (1.0, "count"),
    "辆": (1.0, "count"),
    "座": (1.0, "count"),
    "处": (1.0, "count"),
    "条": (1.0, "count"),
    "套": (1.0, "count"),
    "间": (1.0, "count"),
    "所": (1.0, "count"),
    "头": (1.0, "head"),
    "只": (1.0, "head"),
    "公顷": (1.0, "hectare"),
    "立方米": (1.0, "m3"),
    "%": (0.01, "ratio"),
    "％": (0.01, "ratio"),
    "‰": (0.001, "ratio"),
    "个百分点": (1.0, "points"),
    "百分点": (1.0, "points"),
    "倍": (1.0, "times"),
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
    if unit not in _BASE and unit[:1] in _SCALE and unit[1:] in _BASE:  # 万户, 亿吨
        factor, base = _BASE[unit[1:]]
        return round(value * factor * _SCALE[unit[:1]], 6), base
    factor, base = _BASE.get(unit, (1.0, unit))
    return round(value * factor, 6), base


def figure_unit(match: re.Match) -> str:
    """The unit of a FIGURE match as written, scale included (万余人 -> 万人)."""
    return (match.group("scale") or "") + match.group("base")


def figure(value: str, unit: str, comparison: str = "", start: int = 0, end: int = 0) -> Figure:
    v = float(value.replace(",", ""))
    norm, base = normalise(v, unit)
    return Figure(v, unit, norm, base, comparison, start, end)


def change(words: str, value: str, unit: str) -> tuple[float, str]:
    """A comparison as a signed change: 同比下降2% -> (-0.02, ratio), 提高1.5个百分点 -> (1.5, points)."""
    norm, base = normalise(float(value), unit)
    return (-norm if _FALLING.search(words) else norm), base


def money(text: str, start: int = 0, end: int | None = None) -> tuple[float, str] | None:
    """The first investment amount in yuan in text[start:end] as (yuan, as written); a range
    gives its lower end. An amount in 美元 is not yuan (no rate is stated): see money_match."""
    m = MONEY.search(text, start, len(text) if end is None else end)
    if m is None or m.group("currency") != "元":
        return None
    return parse_amount(m)[0], m.group(0)


def parse_amount(m: re.Match) -> tuple[float, str]:
    """(value in base currency units, currency) of a MONEY match, read by jionlp's money parser
    (scales, ranges, 多/余) on the figure part; a range or a vague figure gives its lower end."""
    scale = m.group("low_scale") or m.group("scale") or ""
    currency = m.group("currency")
    figure_text = m.group("low").replace(",", "") + scale + currency
    parsed = _parse_money(figure_text)
    if parsed is None:  # jionlp did not read it: the regex's own reading
        return round(float(m.group("low").replace(",", "")) * _SCALE[scale], 2), currency
    num = parsed.get("num")
    low = num[0] if isinstance(num, list) else num
    return round(float(low), 2), currency


def _parse_money(text: str) -> dict | None:
    global _JIO
    if _JIO is None:
        with contextlib.redirect_stdout(io.StringIO()):  # importing jionlp prints a banner
            import jionlp

        _JIO = jionlp
    try:
        return _JIO.parse_money(text)
    except Exception:  # jionlp raises on what it cannot read
        return None


_JIO: Any = None
