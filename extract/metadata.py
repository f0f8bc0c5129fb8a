"""What a report says about itself: title, its own place, the years and period it covers, its kind.

The title line decides when it says enough; otherwise the body does: the
signature lines at the end, phrases such as "X镇党委"/"X街道办事处", the section
headings' years. Province, city and district names come from the administrative
division table shipped with cpca, never from a list of known reports.
"""

from __future__ import annotations

import csv
import functools
import io
import re
from collections import Counter
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import ahocorasick

from extract.document import ReportMeta
from extract.sections import INLINE_LEVEL, parse_sections, title_span

# Masked names in published reports: XX街道, xx镇, 某街道, ＊＊乡.
MASK_CHARS = "XxＸｘ某*＊○□×"
_MASKED = re.compile(f"^[{MASK_CHARS}]+$")
_NAME_CHAR = f"[\u4e00-\u9fff{MASK_CHARS}]"
_PLACE_SUFFIXES = ("街道办事处", "街道办", "街道", "镇", "乡", "街")
# After a place in a title: the year, the kind of report or the body that wrote it.
_AFTER_TITLE_PLACE = re.compile(
    r"(?:人民政府|党工委|党委|办事处|政府|委员会|工作|关于|上半年|下半年|全年|年度|二〇|〇|20\d\d|\d|[（(\s]|$)"
)
# The bodies a township writes as: "青溪镇党委", "（略）道办事处", "云岭乡人民政府".
_ORGAN = re.compile(
    rf"({_NAME_CHAR}{{2,5}}?)(街道办事处|街道党工委|街道工委|街道办|街道|镇|乡)"
    r"(?=党工委|党委|人民政府|政府|办事处|工作委员会|委员会|人大|纪委)"
)
_SELF_REFERENCE = re.compile(r"(?:全|我|本)(街道|街|镇|乡)")
_GENERIC_PLACE = re.compile(
    rf"({_NAME_CHAR}{{2,4}}?)(街道|镇|乡|街)(?![道村镇区巷头面边景路贤土亲愁情里间邻民俗风])"
)
_SIGNATURE_PREFIX = re.compile(r"^(?:中共|中国共产党)")
# Development zones govern townships like districts but are not in the division table;
# they are named after their city or county ("苏州高新区", "滁州经开区").
_ZONE_SUFFIX = re.compile(r"高新技术产业开发区|经济技术开发区|经济开发区|高新区|经开区")
_ZONE_ORGAN = re.compile(r"(高新技术产业开发区|经济技术开发区|经济开发区|高新区|经开区)(?=党工委|管委会|工委)")
# District names that are also everyday words ("建设新城区"); they count only in a title or signature.
_COMMON_WORD_DISTRICTS = frozenset(("新城区", "老城区", "城中区", "新市区", "城关区"))
_YEAR = re.compile(r"(20\d\d)\s*年")
_CN_YEAR = re.compile(r"([二〇零一三四五六七八九]{4})\s*年")
_CN_YEAR_DIGITS = {ch: str(i) for i, ch in enumerate("〇一二三四五六七八九")} | {"零": "0"}


@dataclass(frozen=True)
class Division:
    name: str
    level: str  # province, city, district
    code: str  # 12-digit adcode


@functools.cache
def divisions() -> dict[str, list[Division]]:
    """Province, city and district names (full forms) from cpca's adcode table, by name."""
    table = resources.files("cpca.resources").joinpath("adcodes.csv").read_text(encoding="utf-8")
    by_name: dict[str, list[Division]] = {}
    for row in csv.DictReader(io.StringIO(table)):
        code, name = row["adcode"], row["name"]
        if len(name) < 3 or "直辖" in name or name.endswith(("市辖区", "县辖区")) or name.endswith("海域"):
            continue
        if code[2:] == "0" * 10:
            level = "province"
        elif code[4:] == "0" * 8:
            level = "city"
        elif code[6:] == "0" * 6:
            level = "district"
        else:
            continue
        by_name.setdefault(name, []).append(Division(name, level, code))
    return by_name


@functools.cache
def _automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for name in divisions():
        automaton.add_word(name, name)
    automaton.make_automaton()
    return automaton


def division_mentions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of division names in the text, leftmost-longest, not overlapping."""
    if not text:
        return []
    hits = sorted(((end - len(name) + 1, end + 1, name) for end, name in _automaton().iter(text)),
                  key=lambda hit: (hit[0], -(hit[1] - hit[0])))
    chosen: list[tuple[int, int, str]] = []
    for hit in hits:
        if not chosen or hit[0] >= chosen[-1][1]:
            chosen.append(hit)
    return chosen


@functools.cache
def short_names() -> frozenset[str]:
    """City and county names without 市/区/县 ("苏州"), which development zones are named after."""
    return frozenset(
        name[:-1] for name, found in divisions().items()
        if name.endswith(("市", "区", "县")) and len(name) >= 3 and found[0].level != "province"
    )


def zone_before(text: str, end: int) -> str:
    """The development zone whose suffix starts at `end`, with the city name before it, or ""."""
    match = _ZONE_SUFFIX.match(text, end)
    if not match:
        return ""
    for size in (4, 3, 2):
        if end >= size and text[end - size : end] in short_names():
            return text[end - size : match.end()]
    return ""


def zone_at(text: str, start: int) -> str:
    """The development zone starting at `start` ("苏州高新区…"), or ""."""
    for size in (2, 3, 4):
        zone = zone_before(text, start + size)
        if zone and len(zone) > size:
            return zone
    return ""


def strip_divisions(text: str) -> str:
    """Drop leading division names and 中共/关于, so "浏阳市青溪镇…" starts at the township."""
    text = _SIGNATURE_PREFIX.sub("", text.strip())
    text = text.removeprefix("关于")
    while True:
        mentions = division_mentions(text)
        zone = zone_at(text, 0)
        if zone:
            text = text[len(zone) :]
        elif mentions and mentions[0][0] == 0:
            text = text[mentions[0][1] :]
        else:
            return text


def is_masked(name: str) -> bool:
    """XX街道, xx镇, 某乡: the publisher hid the name."""
    stem = name
    for suffix in _PLACE_SUFFIXES:
        if stem.endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    return bool(_MASKED.match(stem)) or not stem


def place_in_title(title: str) -> str:
    """The township a title starts with (after any province/city/district), e.g. "青溪镇"."""
    rest = strip_divisions(title)
    for length in range(1, 9):
        head = rest[:length]
        if not re.fullmatch(f"{_NAME_CHAR}+", head):
            break
        for suffix in _PLACE_SUFFIXES:
            if rest.startswith(suffix, length) and _AFTER_TITLE_PLACE.match(rest, length + len(suffix)):
                return head + suffix
    return ""


def place_in_signature(lines: list[str]) -> str:
    """The township that signs the report ("浏阳市青溪镇人民政府", "中共云岭乡委员会")."""
    for line in reversed(lines):
        if len(line) > 40:
            continue
        for part in line.split():
            match = _ORGAN.match(strip_divisions(part))
            if match:
                return match.group(1) + match.group(2)
    return ""


def _extend_left(text: str, hits: list[tuple[int, str]]) -> Counter[str]:
    """Count each name at the length its occurrences agree on.

    Every hit is (start of the suffix, suffix). The name is grown leftwards one
    character at a time while at least three quarters of the hits still agree, so
    "…在溪岚镇…溪岚镇…" yields 溪岚镇 rather than 岚镇 or 在溪岚镇.
    """
    groups: dict[str, list[int]] = {}
    for start, suffix in hits:
        if start >= 2 and re.fullmatch(f"{_NAME_CHAR}{{2}}", text[start - 2 : start]):
            groups.setdefault(text[start - 2 : start] + suffix, []).append(start)
    counts: Counter[str] = Counter()
    for base, starts in groups.items():
        suffix = base[2:]
        length = 2
        while length < 5:
            prefix = Counter(text[s - length - 1] if s - length - 1 >= 0 else "" for s in starts)
            char, agree = prefix.most_common(1)[0]
            if not char or agree < 0.75 * len(starts) or not re.match(_NAME_CHAR, char) or char in "省市区县的在和与是为对全我本":
                break
            starts = [s for s in starts if s - length - 1 >= 0 and text[s - length - 1] == char]
            length += 1
        name = text[starts[0] - length : starts[0]] + suffix
        counts[name] += len(starts)
    return counts


def _most_named(text: str, counts: Counter[str]) -> str:
    """The candidate the whole text names most often (at least twice); organ hits weigh more."""
    scored = [(3 * hits + text.count(name), name) for name, hits in counts.items() if text.count(name) >= 2]
    return max(scored)[1] if scored else ""


def place_in_body(text: str) -> str:
    """The township the body speaks for: its organs' names, else its most named township of the self-referred kind."""
    organ_hits = [(m.start(2), m.group(2)) for m in _ORGAN.finditer(text)]
    found = _most_named(text, _extend_left(text, organ_hits))
    if found:
        return _fullest(found)
    kinds = Counter(m.group(1) for m in _SELF_REFERENCE.finditer(text))
    if not kinds:
        return ""
    own = kinds.most_common(1)[0][0]
    wanted = ("街道", "街") if own in ("街道", "街") else (own,)
    hits = [(m.start(2), m.group(2)) for m in _GENERIC_PLACE.finditer(text) if m.group(2) in wanted]
    return _most_named(text, _extend_left(text, hits))


def _fullest(name: str) -> str:
    """"（略）道办事处" → "（略）道": the place, not its office."""
    for office in ("办事处", "党工委", "工委", "办"):
        if name.endswith("街道" + office):
            return name[: -len(office)]
    return name


def find_place(title: str, text: str) -> str:
    """The report's own township: title, then signature, then body; "" when masked or unknown."""
    lines = text.split("\n")
    name = place_in_title(title) if title else ""
    if not name and title and re.match(f"^(?:关于)?[{MASK_CHARS}]{{2,}}", title):
        return ""
    name = name or place_in_signature(lines[-5:]) or place_in_body(text)
    return "" if not name or is_masked(name) else _fullest(name)


def find_divisions(title: str, text: str) -> tuple[str, str, str]:
    """(province, city, district) named by the text, consistent with each other where the table can tell."""
    counts: Counter[str] = Counter()
    for source, weight in ((title, 5), ("\n".join(text.split("\n")[-5:]), 3), (text, 1)):
        for _start, end, name in division_mentions(source):
            if weight < 5 and name in _COMMON_WORD_DISTRICTS:
                continue
            bonus = 1 if source[end : end + 1] in ("委", "政") else 0
            counts[name] += weight + bonus
    table = divisions()
    ranked = [name for name, _count in counts.most_common()]

    def best(level: str, within: tuple[Division, ...]) -> Division | None:
        for name in ranked:
            for division in table[name]:
                if division.level != level:
                    continue
                if not within or any(_contains(parent, division) for parent in within):
                    return division
        return None

    district = best("district", ())
    if district is None:
        source = f"{title}\n{text}"
        zones = Counter(zone_before(source, match.start()) for match in _ZONE_ORGAN.finditer(source))
        zones.pop("", None)
        if zones:
            zone = zones.most_common(1)[0][0]
            province, city, _ = find_divisions(title, text.replace(zone, ""))
            return province, city, zone
    parents = tuple(d for d in table.get(district.name, []) if d.level == "district") if district else ()
    # A lower level, once known, decides: a mentioned city or province that does not contain it is elsewhere.
    city = _best_parent(ranked, table, "city", parents) if district else best("city", ())
    below = (city,) if city else parents
    province = _best_parent(ranked, table, "province", below) if below else best("province", ())
    return (province.name if province else "", city.name if city else "", district.name if district else "")


def _contains(parent: Division, child: Division) -> bool:
    prefix = {"province": 2, "city": 4, "district": 6}[parent.level]
    return child.code[:prefix] == parent.code[:prefix] and child.code != parent.code


def _best_parent(ranked: list[str], table: dict[str, list[Division]], level: str,
                 children: tuple[Division, ...]) -> Division | None:
    """The most mentioned division of `level` that contains one of the children."""
    for name in ranked:
        for division in table[name]:
            if division.level == level and any(_contains(division, child) for child in children):
                return division
    return None


def _years_in(text: str) -> list[int]:
    found = [int(y) for y in _YEAR.findall(text)]
    for numeral in _CN_YEAR.findall(text):
        digits = "".join(_CN_YEAR_DIGITS.get(ch, "") for ch in numeral)
        if len(digits) == 4 and digits.startswith("20"):
            found.append(int(digits))
    return found


def find_years(title: str, text: str) -> list[int]:
    """Years the report covers: the title's, else its review and plan headings', else the opening's most named."""
    years = sorted(set(_years_in(title)))
    if years:
        return years
    sections = parse_sections(text)
    headed = sorted({y for s in sections if 0 < s.level < INLINE_LEVEL and s.kind in ("review", "plan")
                     for y in _years_in(s.heading)})
    if headed:
        return headed
    opening = Counter(_years_in(text[:1500]))
    return [opening.most_common(1)[0][0]] if opening else []


def find_kind(title: str, text: str) -> str:
    """工作总结 / 工作计划 / 工作总结及工作计划 / 政府工作报告, with 上半年 for half-year reports."""
    if "政府工作报告" in title or (not title and "政府工作报告" in text[:300]):
        return "政府工作报告"
    if title:
        summary = bool(re.search(r"总结|回顾|工作情况|完成情况|开展情况|汇报|述职", title))
        plan = bool(re.search(r"计划|打算|思路|安排|要点", title))
        half = bool(re.search(r"上半年|半年", title))
    else:
        sections = [s for s in parse_sections(text) if s.level == 1]
        summary = any(s.kind == "review" for s in sections) or not sections
        plan = any(s.kind == "plan" for s in sections)
        half = bool(re.search(r"上半年", text[:400])) or any("上半年" in s.heading for s in sections)
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


def detect_meta(text: str, path: str = "", title_hint: str = "") -> ReportMeta:
    """Metadata of a cleaned report; `title_hint` (e.g. a web page's <h1>) wins over the first line."""
    span = title_span(text)
    title = title_hint.strip() or (text[span[0] : span[1]].replace("\n", "").strip() if span else "")
    if not title and path and re.search(r"总结|计划|报告", Path(path).stem):
        title = Path(path).stem
    province, city, district = find_divisions(title, text)
    years = find_years(title, text)
    kind = find_kind(title, text)
    period = find_period(kind)
    year = years[-1] if period == "plan" and years else (years[0] if years else None)
    return ReportMeta(
        title=title, province=province, city=city, district=district,
        subdistrict=find_place(title, text), years=years, year=year, period=period, kind=kind,
    )
