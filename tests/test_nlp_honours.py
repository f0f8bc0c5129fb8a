"""Honours (components/honours.py) and their AWARDED recipients, on invented sentences of
the shapes unseen real reports write them in."""

from __future__ import annotations

from tests.test_nlp_generalise import awarded

TOWN = "青石镇2023年工作总结\n"


def test_comma_list_of_titles_with_years_and_places_all_go_to_the_town() -> None:
    text = TOWN + "获得2022年度省卫生乡镇，2022年度全市征兵工作先进单位，2022年度“平江县五四红旗团委”。\n"
    assert awarded(text) >= {
        ("青石镇", "省卫生乡镇"),
        ("青石镇", "全市征兵工作先进单位"),
        ("青石镇", "平江县五四红旗团委"),
    }


def test_a_comma_clause_that_is_not_a_title_ends_the_list() -> None:
    text = TOWN + "被评为全市文明乡镇，全年接待游客10万人次。\n"
    assert awarded(text) == {("青石镇", "全市文明乡镇")}
