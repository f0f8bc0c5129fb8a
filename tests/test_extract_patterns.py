"""Guarded scans find exactly what the bare patterns find."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from extract import sections
from extract.nlp.components import admin_places, brands, enterprises, honours, local_places, people, projects
from extract.patterns import after_last, branch_heads, guarded, matches_in_runs
from extract.read import read_source
from extract.relations import context

EXAMPLES = sorted(p for p in (Path(__file__).parent.parent / "examples").glob("*") if p.suffix in (".txt", ".docx", ".html"))
_GUARD = re.compile(r"^\(\?=\[(?:\\.|[^\]])*\]\)\(\?:(.*)\)$", re.S)


def bare(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern without its guard."""
    inner = _GUARD.match(pattern.pattern)
    assert inner is not None, pattern.pattern
    return re.compile(inner.group(1), pattern.flags)


def spans(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], ...]]:
    return [tuple(m.span(g) for g in range(pattern.groups + 1)) for m in pattern.finditer(text)]


FICTIONAL = (
    "青石镇党委书记张明同志带领村民李华、王芳等完成樟溪路北段建设，远舟科技有限公司成功签约落户，"
    "青禾专业合作社与樟溪农商银行共建青石坪党群服务中心、湿地公园、宅基地改革示范园项目。"
    "一是抓产业，二是强基础；（三）青溪小学新建教学楼工程竣工投产。被评为先进的赵强荣获表彰。"
    "2023年比2022年增长，2021—2025年规划，2024年度先进。柳湾村王大明荣获表彰。\n通讯员 张明 李华\n（随县澴潭镇）"
)


@pytest.mark.parametrize(
    "pattern",
    [
        projects._HEAD, projects._ROAD_WORKS, enterprises._SUFFIX, brands._SUBJECT_VERB, sections._INLINE_ITEM,
        people._pattern(), people._credit(), people._unit_award(), context._YEAR, honours.TRIGGER,
        admin_places._short_county(),
    ],
)
def test_guarded_scans_match_the_bare_pattern(pattern: re.Pattern[str]) -> None:
    texts = [FICTIONAL] + [read_source(p).text for p in EXAMPLES]
    assert spans(pattern, FICTIONAL)  # the fictional text exercises every pattern
    for text in texts:
        assert spans(pattern, text) == spans(bare(pattern), text)


_LISTS = (
    "石桥、柳塘等村，石桥、柳塘、新田3个行政村和石桥和柳塘两村；竹溪、上舍三村。柳湾、枫林村、"
    "甲乙、丙丁等周边村１２个村。冰岛村地界、坝歪等组。天河、越秀等区域，安吉、德清两县。" + "柳湾、枫林、石桥" * 30 + "社区"
)


@pytest.mark.parametrize(
    ("pattern", "anchor", "chars"),
    [
        (local_places._LIST, local_places._LIST_CLOSE, local_places._LIST_CHARS),
        (local_places._BARE_MATES, local_places._BARE_MATES_LAST, local_places._BARE_MATES_CHARS),
        (admin_places._DISTRICT_LIST, admin_places._DISTRICT_LIST_CLOSE, admin_places._DISTRICT_LIST_CHARS),
    ],
)
def test_scans_in_anchored_runs_match_the_whole_text_scan(pattern: re.Pattern[str], anchor: re.Pattern[str], chars: str) -> None:
    texts = [_LISTS, FICTIONAL] + [read_source(p).text for p in EXAMPLES]
    assert len(list(pattern.finditer(_LISTS))) >= 2
    for text in texts:
        found = matches_in_runs(pattern, anchor, chars, text)
        assert [m.regs for m in found] == [m.regs for m in pattern.finditer(text)]


def test_lookbehinds_and_escaped_characters_work_behind_the_guard() -> None:
    pattern = guarded(["项目", "工程"], r"(?<!宅)[项工][目程]")
    assert [m.group() for m in pattern.finditer("宅项目、新工程、目程")] == ["工程"]
    assert guarded("^]-\\", r"[\^\]\-\\]x").findall("a^x]x-x\\x") == ["^x", "]x", "-x", "\\x"]


def test_branch_heads_are_the_words_of_an_alternation_without_their_lookarounds() -> None:
    assert branch_heads(r"项目|(?<!宅)基地|小学(?!习|生)|园区") == ["项目", "基地", "小学", "园区"]
    with pytest.raises(ValueError, match="plain word"):
        branch_heads(r"项目|(?:股份)?公司")



def test_after_last_is_where_the_last_match_before_a_point_ends() -> None:
    comma = re.compile("，")
    text = "据了解，青禾村近年来，先后摘得殊荣"
    assert after_last(comma, text, 0, 12) == 11
    assert after_last(comma, text, 5, 9) == 5 and after_last(comma, text, 5, 9, default=0) == 0
