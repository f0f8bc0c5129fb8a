"""Province, city and district names as the administrative division table knows them.

The table is the adcode list shipped with cpca; development zones (苏州高新区),
which govern townships like districts but are not in it, are recognised by a
city's short name followed by a zone suffix.
"""

from __future__ import annotations

import csv
import functools
import io
import re
from collections import Counter
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from ahocorasick_rs import AhoCorasick, Implementation, MatchKind

from extract.nlp.lexicon import alternation, words

_SIGNATURE_PREFIX = re.compile(r"^(?:中共|中国共产党)")
# Development zones govern townships like districts but are not in the division table;
# they are named after their city or county ("苏州高新区", "滁州经开区").
_ZONE_SUFFIX = re.compile(alternation("zone_suffixes.txt"))
_ZONE_ORGAN = re.compile(f"({alternation('zone_suffixes.txt')})(?=党工委|管委会|工委)")


@dataclass(frozen=True)
class Division:
    name: str
    level: str  # province, city, district
    code: str  # 12-digit adcode


@functools.cache
def adcode_rows() -> list[tuple[str, str]]:
    """(adcode, name) of each row of cpca's adcode table, read once for every step that uses it.
    Located, not imported: importing cpca builds its own matcher and imports pkg_resources."""
    path = Path(str(metadata.distribution("cpca").locate_file("cpca/resources/adcodes.csv")))
    return [(row["adcode"], row["name"]) for row in csv.DictReader(io.StringIO(path.read_text(encoding="utf-8")))]


@functools.cache
def divisions() -> dict[str, list[Division]]:
    """Province, city and district names (full forms) from cpca's adcode table, by name."""
    by_name: dict[str, list[Division]] = {}
    for code, name in adcode_rows():
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
def _names() -> tuple[list[str], AhoCorasick]:
    """The division names and one leftmost-longest automaton over them (its hits index the list)."""
    names = list(divisions())
    return names, AhoCorasick(names, matchkind=MatchKind.LeftmostLongest, implementation=Implementation.DFA)


def division_mentions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of division names in the text, leftmost-longest, not overlapping."""
    names, automaton = _names()
    return [(start, end, names[i]) for i, start, end in automaton.find_matches_as_indexes(text)]


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


def find_divisions(title: str, text: str) -> tuple[str, str, str]:
    """(province, city, district) named by the text, consistent with each other where the table can tell."""
    counts: Counter[str] = Counter()
    for source, weight in ((title, 5), ("\n".join(text.split("\n")[-5:]), 3), (text, 1)):
        for _start, end, name in division_mentions(source):
            if weight < 5 and name in words("common_word_districts.txt"):  # 建设新城区: only in a title or signature
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
