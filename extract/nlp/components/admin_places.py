"""Provinces, cities and districts from the national division list shipped with cpca.

Full names (湖北省, 岳塘区, 浏阳市) and the short forms of provinces and cities
(湖北, 湘潭) are matched with one Aho-Corasick automaton; the longest match at a
place wins. Named development zones (东湖高新区) are found by their suffix.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from ahocorasick_rs import AhoCorasick, Implementation, MatchKind
from spacy.language import Language
from spacy.tokens import Doc

from extract.metadata.divisions import adcode_rows
from extract.nlp.boundaries import doc_text, extend_left, token_starts
from extract.nlp.gazetteer import gazetteer
from extract.nlp.lexicon import NON_NAME_TAGS, alternation, jieba_tags, words
from extract.nlp.mention import Mention, mentions
from extract.nlp.names import has_proper_part, is_masked
from extract.patterns import guarded, matches_in_runs

_PROVINCE_SUFFIX = re.compile(r"(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$")
_CITY_SUFFIX = re.compile(r"(市|地区|盟|[\u4e00-\u9fff]{1,6}族自治州|自治州)$")
_REGION_AFTER = re.compile(alternation("region_after.txt"))  # 长沙都市圈, 湘潭路
_COUNTED = re.compile(r"[一二三四五六七八九十两几多]个$")
# a school, paper or bank named after a province or city, a field between (湖南农业大学, 浙江工商大学)
_INSTITUTION_AFTER = re.compile(r"[^\W\d_和与及的、]{1,4}?(?:大学|学院|日报|银行|电视台|研究院)")
_NAMED_AFTER_COUNTRY = re.compile(r"中国[（(]$")
_ZONE = re.compile(alternation("zone_suffixes.txt"))  # 东湖高新区, 湘江新区
# a park written right before a township it administers is a zone too (青州工业园区白石街道)
_PARK_ZONE = re.compile(f"(?:工业园区|园区)(?=[\u4e00-\u9fff]{{2,4}}(?:{alternation('township_suffixes.txt')}))")
# an autonomous unit written by its place name and kind: 本溪满族自治县 → 本溪县, 大理白族自治州 → 大理州
_AUTONOMOUS = re.compile(f"(?P<head>[\u4e00-\u9fff]{{2,}}?)(?:(?:{alternation('ethnic_groups.txt')})族?)+自治(?P<kind>[县州旗])")


def _level(adcode: str) -> str:
    if adcode[2:] == "0" * 10:
        return "Province"
    if adcode[4:] == "0" * 8:
        return "City"
    return "District"


class PlaceNames:
    """Division names and short forms, found leftmost-longest by one automaton."""

    def __init__(self, entries: dict[str, tuple[str, str, bool]]) -> None:
        self._values = list(entries.values())
        self._automaton = AhoCorasick(list(entries), matchkind=MatchKind.LeftmostLongest, implementation=Implementation.DFA)

    def find(self, text: str) -> list[tuple[int, int, str, str, bool]]:
        """(start, end, label, canonical full name, is a short form), not overlapping."""
        values = self._values
        return [(start, end, *values[i]) for i, start, end in self._automaton.find_matches_as_indexes(text)]

    def opening(self, text: str) -> int:
        """Length of the longest name `text` starts with, 0 if none."""
        hits = self._automaton.find_matches_as_indexes(text)
        return hits[0][2] if hits and hits[0][1] == 0 else 0


@lru_cache(maxsize=1)
def place_names() -> PlaceNames:
    """The national division list and the short forms of its provinces and cities; built once per process."""
    entries: dict[str, tuple[str, str]] = {}
    short_forms: dict[str, tuple[str, str]] = {}
    unsafe = words("ambiguous_short_places.txt")
    for code, name in adcode_rows():
        label = _level(code)
        if len(name) < 2 or (label == "District" and len(name) < 3) or name in unsafe:
            continue
        entries.setdefault(name, (label, name))
        autonomous = _AUTONOMOUS.fullmatch(name)
        if autonomous:
            short = autonomous["head"] + autonomous["kind"]  # written with its suffix: a name of its own, as gold writes it
            short_forms.setdefault(short, (label, short))
        suffix = {"Province": _PROVINCE_SUFFIX, "City": _CITY_SUFFIX}.get(label)
        if suffix is not None:
            short = suffix.sub("", name)
            if len(short) >= 2 and short != name and short not in unsafe:
                short_forms.setdefault(short, (label, name))
    for name in sorted(gazetteer().cities()):  # jionlp's table is newer: 那曲市 (a city since 2017)
        if _CITY_SUFFIX.search(name) and _CJK.fullmatch(name) and name not in unsafe:
            entries.setdefault(name, ("City", name))
    for name in sorted(gazetteer().counties()):  # jionlp's table is newer: 2021's districts, zones ranked as counties
        if len(name) >= 3 and name[-1] in "区县市旗" and _CJK.fullmatch(name) and not name.startswith("市直辖") and name not in unsafe:
            entries.setdefault(name, ("District", name))
    return PlaceNames({
        name: (*value, name in short_forms and name not in entries)
        for name, value in {**short_forms, **entries}.items()
    })


@lru_cache(maxsize=1)
def district_short_forms() -> tuple[dict[str, list[tuple[str, str]]], dict[str, str]]:
    """County-level short forms (昆山 of 昆山市, 天河 of 天河区) -> [(full name, adcode)], and
    province/city full names -> adcode; only used where the text backs a short form up."""
    shorts: dict[str, list[tuple[str, str]]] = {}
    regions: dict[str, str] = {}
    unsafe = words("ambiguous_short_places.txt") | words("common_word_districts.txt")
    for code, name in adcode_rows():
        if _level(code) != "District":
            regions.setdefault(name, code)
        elif len(name) >= 3 and name[-1] in "区县市旗" and name not in unsafe and _CJK.fullmatch(name):
            shorts.setdefault(name[:-1], []).append((name, code))
    return shorts, regions


_CJK = re.compile(r"[\u4e00-\u9fff]+")
# 天河、越秀等区域: a list of county short forms closed by a word for areas
_DISTRICT_LIST_END = r"(?:等(?:区域|区县|县区|区|县|地区|地)|[两二三四五六七八九十]个?(?:区县|县区|县市|区|县|市|旗))"
_DISTRICT_LIST = re.compile(r"((?:[\u4e00-\u9fff]{2,3}、)+[\u4e00-\u9fff]{2,3})" + _DISTRICT_LIST_END)  # 天河、越秀等区域; 安吉、德清两县
# sought only in the runs of Chinese and 、 that hold the words closing such a list
_DISTRICT_LIST_CLOSE = re.compile(_DISTRICT_LIST_END)
_DISTRICT_LIST_CHARS = "\u4e00-\u9fff、"


def _district_after(text: str, end: int, region_code: str) -> tuple[int, str]:
    """(length, full name) of a county short form of this province or city written right
    after it (江苏昆山, 浙江义乌); (0, "") when none."""
    shorts, _ = district_short_forms()
    prefix = region_code[:2] if region_code[2:4] == "00" else region_code[:4]
    for k in (3, 2):
        for full, code in shorts.get(text[end : end + k], ()):
            if code.startswith(prefix) and not text.startswith(full[-1], end + k):
                return k, full
    return 0, ""


_MATE_BEFORE = re.compile(r"([\u4e00-\u9fff]{2,3}[区县旗])[、和与及]$")
_MATE_AFTER = re.compile(r"[、和与及]([\u4e00-\u9fff]{2,3}[区县旗])")
# words that end like a county but are none (城区, 园区, 景区 ...): a mate must not end in one
_AREA_WORDS = frozenset("城新辖社园景片小山矿郊林牧湖库街校厂市县试示功开特专")


def _district_list_mates(text: str, starts: list[int], districts: list[Mention]) -> list[tuple[int, int, str]]:
    """A name with a county's suffix listed right beside a county the table knows is a county
    too, also when the table is older than it (临平区、余杭区两地)."""
    found = []
    for d in districts:
        before = _MATE_BEFORE.search(text, max(0, d.start - 5), d.start)
        after = _MATE_AFTER.match(text, d.end)
        for hit, start in ((before, before.start(1) if before else 0), (after, after.start(1) if after else 0)):
            if not hit:
                continue
            name = hit.group(1)
            if len(name) == 4 and (not _at_token_start(starts, start) or _at_token_start(starts, start + 1)):
                start, name = start + 1, name[1:]  # 在临平区: the name starts where jieba's word does
            if len(name) == 4 and _at_token_start(starts, start + 2) and jieba_tags().get(name[:2]) in NON_NAME_TAGS:
                start, name = start + 2, name[2:]  # 毗邻环县: a verb, then a county of one character
            if (
                _at_token_start(starts, start) and name[-2] not in _AREA_WORDS and not is_masked(name)
                and jieba_tags().get(name, "ns") == "ns" and name[0] not in words("function_words.txt")
            ):
                found.append((start, start + len(name), name))
    return found


def _own_county_short(text: str, starts: list[int], place: tuple[str, str, str, str]) -> list[tuple[int, int, str]]:
    """The report's own county by its short form where jieba reads it as a word of its own
    (全力服务番禺发展 in a report of 番禺区); not before a suffix or a word that makes it part
    of another name (番禺大道)."""
    county = place[2]
    shorts, _ = district_short_forms()
    short = county[:-1]
    if len(short) < 2 or not any(full == county for full, _ in shorts.get(short, ())):
        return []
    found = []
    for m in re.finditer(re.escape(short), text):
        end = m.end()
        if not (_at_token_start(starts, m.start()) and (end == len(text) or _at_token_start(starts, end))):
            continue
        if end < len(text) and (text[end] in "区县市旗镇乡街村" or _REGION_AFTER.match(text, end)):
            continue
        found.append((m.start(), end, county))
    return found


def _district_list(text: str) -> list[tuple[int, int, str]]:
    """Members of 天河、越秀等区域 when every one is a county short form of one city."""
    shorts, _ = district_short_forms()
    found = []
    for m in matches_in_runs(_DISTRICT_LIST, _DISTRICT_LIST_CLOSE, _DISTRICT_LIST_CHARS, text):
        members = m.group(1).split("、")
        if len(members[0]) == 3 and members[0] not in shorts and members[0][1:] in shorts:
            members[0] = members[0][1:]  # 与天河、越秀等区域: a preposition glued to the first
        cities = [{code[:4] for _, code in shorts.get(member, ())} for member in members]
        if all(cities) and set.intersection(*cities):
            city = min(set.intersection(*cities))
            pos = m.end(1) - len("、".join(members))
            for member in members:
                full = next(f for f, code in shorts[member] if code.startswith(city))
                found.append((pos, pos + len(member), full))
                pos += len(member) + 1
    return found


_TOWNSHIP_SUFFIX = re.compile(alternation("township_suffixes.txt"))


@lru_cache(maxsize=1)
def _short_county() -> re.Pattern[str]:
    """A county whose name is one character and 县 (随县, 滑县): too like a word to match alone,
    so only at a clause's or a region's edge and right before a township of it or its bodies
    (随县澴潭镇, 滑县县委 …)."""
    unsafe = words("ambiguous_short_places.txt") | words("common_word_districts.txt")
    names = sorted({
        name for code, name in adcode_rows()
        if _level(code) == "District" and len(name) == 2 and name.endswith("县") and name not in unsafe
    })
    town = f"[\u4e00-\u9fff]{{2,5}}?(?:{alternation('township_suffixes.txt')})"
    return guarded(
        names,
        rf"(?:(?<=[^\u4e00-\u9fff])|(?<=[省市州盟])|^)({'|'.join(names)})(?={town}|县委|人民政府|政府|[、，,；;]\S{{1,4}}[县区市旗])",
        re.M,
    )


def _short_counties(text: str) -> list[tuple[int, int]]:
    return [(m.start(1), m.end(1)) for m in _short_county().finditer(text)]


def _names_a_township(text: str, short: str, full: str, known: dict[str, bool]) -> bool:
    """The report writes `short` as a township (short + 镇/乡/街道) and never the full name."""
    if short not in known:
        at = [m.end() for m in re.finditer(re.escape(short), text)]
        known[short] = full not in text and any(_TOWNSHIP_SUFFIX.match(text, end) for end in at)
    return known[short]


def _at_token_start(starts: list[int], offset: int) -> bool:
    i = bisect_left(starts, offset)
    return i < len(starts) and starts[i] == offset


def _short_region_before(names: PlaceNames, text: str, start: int) -> int:
    """Where a short form of a province or city ending right at `start` begins (else `start`)."""
    hits = [h for h in names.find(text[max(0, start - 4) : start]) if h[4] and h[1] == min(start, 4)]
    return start - (hits[-1][1] - hits[-1][0]) if hits else start


@Language.component("govkg_admin_places", requires=["doc._.sentences"], assigns=["doc._.mentions"])
def admin_places(doc: Doc) -> Doc:
    """Add Province/City/District mentions (properties['key'] = canonical full name)."""
    text = doc_text(doc)
    starts = token_starts(doc)
    out = mentions(doc)
    own = (doc.user_data.get("govkg_place") or ("", "", "", ""))[3]
    towns: dict[str, bool] = {}
    for start, end, label, full, short in place_names().find(text):
        if short and own.startswith(text[start:end]) and (own[end - start :] in words("township_suffixes.txt") or full not in text):
            continue  # 湘潭人民 in a report of a 湘潭镇 (or of a 湘潭新村街道 that never names 湘潭市): the town's
        if short and _names_a_township(text, text[start:end], full, towns):
            continue  # 湘潭镇, and 湘潭人民 in a report that names a 湘潭镇 but never 湘潭市
        if short and not _at_token_start(starts, start):
            continue  # 广安 inside 推广安全 is no city
        if short and text[end - 1] not in "县州旗" and end < len(text) and not _at_token_start(starts, end) and not text.startswith("人", end):
            continue  # 大理石, 哈密瓜, 杭州湾, 宁波港: a word jieba reads whole that only opens with the place
        if short and (_REGION_AFTER.match(text, end) or _INSTITUTION_AFTER.match(text, end)):
            continue  # 长沙都市圈, 湘潭路, 湖南商会, 湖南农业大学: part of another name, not the place
        if short and _NAMED_AFTER_COUNTRY.search(text, max(0, start - 3), start):
            continue  # 中国（广州）国际茶业博览会, 中国(杭州)跨境电商综试区: the host city inside a name
        if short and start > 0 and text[start - 1] in "《“" and text[end - 1] not in "县州旗盟" and not text.startswith(("》", "”"), end):
            continue  # 《湖南日报》, “成都十佳社区”: a paper or a title named after the place, not the place
        if short and _COUNTED.search(text, max(0, start - 2), start):
            continue  # “六个湖南”: a slogan counting aims, not the province
        out.append(Mention(start, end, label, text[start:end], {"key": full}))
        code = district_short_forms()[1].get(full, "")
        k, county = _district_after(text, end, code) if code else (0, "")
        if k and place_names().opening(text[end : end + 12]) > k:
            k = 0  # 新疆阿克苏地区: the prefecture written in full, not the county's short form
        if k and _at_token_start(starts, end):
            out.append(Mention(end, end + k, "District", text[end : end + k], {"key": county}))  # 江苏昆山
    for start, end, name in _district_list_mates(text, starts, [m for m in out if m.label == "District" and m.name == m.properties.get("key")]):
        out.append(Mention(start, end, "District", name, {"key": name}))  # 临平区、余杭区: a mate with the suffix
    for start, end, county in _own_county_short(text, starts, doc.user_data.get("govkg_place") or ("", "", "", "")):
        out.append(Mention(start, end, "District", text[start:end], {"key": county}))  # 服务番禺发展 in a report of 番禺区
    for start, end, county in _district_list(text):
        out.append(Mention(start, end, "District", text[start:end], {"key": county}))
    taken = {(m.start, m.end) for m in out}
    for start, end in _short_counties(text):
        if (start, end) not in taken:
            out.append(Mention(start, end, "District", text[start:end], {"key": text[start:end]}))
    names = place_names()
    for m in [*_ZONE.finditer(text), *_PARK_ZONE.finditer(text)]:
        start = extend_left(doc, m.start(), 4, NON_NAME_TAGS)
        start = _short_region_before(names, text, start)  # 青岛西海岸新区: the city's short form opens the name
        stem = text[start : m.start()]
        if stem.startswith(tuple(words("generic_place_stems.txt"))):
            continue  # 宜居宜业新区 is a slogan
        if len(stem) >= 2 and has_proper_part(stem, token_starts(doc), start, first_only=True):
            name = text[start : m.end()]
            out.append(Mention(start, m.end(), "District", name, {"key": name}))
    return doc
