"""detect_meta on invented reports with different title styles.

Township names are invented; province/city/district names are real ones from the
administrative division table, as the detector only knows those.
"""

from __future__ import annotations

import pytest

from extract.metadata import detect_meta, division_mentions, find_place, is_masked, place_in_title

BODY = "\n".join(
    [
        "一、2023年度工作完成情况",
        "全镇完成固定资产投资4.2亿元。",
        "二、存在的不足",
        "产业链条不长。",
        "三、2024年度工作计划",
        "计划实施重点项目12个。",
    ]
)


def test_combined_annual_title():
    meta = detect_meta("青禾镇2023年度工作总结及2024年度工作计划\n" + BODY)
    assert meta.title == "青禾镇2023年度工作总结及2024年度工作计划"
    assert meta.subdistrict == "青禾镇"
    assert (meta.years, meta.year) == ([2023, 2024], 2023)
    assert (meta.period, meta.kind) == ("annual", "工作总结及工作计划")


def test_divisions_in_title_are_split_from_the_township():
    meta = detect_meta("江西省赣州市章贡区翠屏街道2022年工作总结\n一、主要成绩\n全街新建道路3公里。")
    assert (meta.province, meta.city, meta.district, meta.subdistrict) == ("江西省", "赣州市", "章贡区", "翠屏街道")
    assert (meta.years, meta.year, meta.period, meta.kind) == ([2022], 2022, "annual", "工作总结")


def test_divisions_from_the_body_are_consistent_with_each_other():
    text = "柳河乡2023年工作总结\n2023年，柳河乡在章贡区委、区政府的领导下，对接赣州市重点项目，学习湖南省经验。"
    meta = detect_meta(text)
    assert (meta.province, meta.city, meta.district) == ("", "赣州市", "章贡区")


def test_half_year_title():
    meta = detect_meta("关于翠屏街道2024年上半年工作总结及下半年工作计划的报告\n一、上半年工作开展情况\n二、下半年工作打算")
    assert meta.subdistrict == "翠屏街道"
    assert (meta.years, meta.year) == ([2024], 2024)
    assert (meta.period, meta.kind) == ("half-year", "上半年工作总结及下半年工作计划")


def test_plan_only_title():
    meta = detect_meta("柳河乡2025年工作计划\n一、抓好产业发展\n新建茶园1500亩。")
    assert (meta.subdistrict, meta.years, meta.year) == ("柳河乡", [2025], 2025)
    assert (meta.period, meta.kind) == ("plan", "工作计划")


def test_government_report_takes_years_from_headings_and_place_from_body():
    text = "\n".join(
        [
            "政府工作报告",
            "——2023年12月28日在青禾镇第五届人民代表大会第三次会议上",
            "各位代表：现在，我代表镇人民政府向大会作政府工作报告。",
            "一、2023年工作回顾",
            "在县委、县政府和镇党委的领导下，青禾镇人民政府团结带领全镇干部群众攻坚克难。",
            "二、2024年工作安排",
            "青禾镇将继续抓好项目建设。",
        ]
    )
    meta = detect_meta(text)
    assert (meta.title, meta.subdistrict) == ("政府工作报告", "青禾镇")
    assert (meta.years, meta.year) == ([2023, 2024], 2023)
    assert (meta.period, meta.kind) == ("government-report", "政府工作报告")


def test_untitled_half_year_report_infers_year_and_kind_from_body():
    text = "\n".join(
        [
            "2024年，全街上下团结奋进。今年上半年，翠屏街道党工委带领全街干部群众攻坚克难。",
            "一、上半年工作开展情况",
            "翠屏街道新增市场主体120户。",
            "二、存在问题",
            "三、下一步工作打算",
        ]
    )
    meta = detect_meta(text)
    assert meta.title == ""
    assert meta.subdistrict == "翠屏街道"
    assert (meta.years, meta.year) == ([2024], 2024)
    assert (meta.period, meta.kind) == ("half-year", "上半年工作总结及下半年工作计划")


def test_signature_lines_name_the_township():
    text = "2022年工作总结\n一、主要成绩\n全镇新建道路3公里。\n中共章贡区柳岸镇委员会\n章贡区柳岸镇人民政府\n2023年1月5日"
    meta = detect_meta(text)
    assert meta.subdistrict == "柳岸镇"
    assert meta.district == "章贡区"


@pytest.mark.parametrize(
    "title",
    ["XX街道2023年工作总结", "xx镇2023年工作总结", "某街道2023年工作总结", "XX街道办事2023年工作总结及2024年工作打算"],
)
def test_masked_names_give_an_empty_place(title):
    text = f"{title}\n一、主要成绩\nXX街道党工委坚持稳中求进，XX街道办事处统筹推进各项工作。"
    assert detect_meta(text).subdistrict == ""


def test_masked_body_gives_an_empty_place():
    text = "2024年xx街道坚持稳中求进。\n一、上半年工作开展情况\nxx街道党工委组织各村开展自查，xx街道办事处统筹推进。"
    assert detect_meta(text).subdistrict == ""


def test_title_hint_wins_over_the_first_line():
    text = "一、主要成绩\n全乡新建道路3公里。"
    meta = detect_meta(text, title_hint="柳河乡2021年工作总结")
    assert (meta.title, meta.subdistrict, meta.year) == ("柳河乡2021年工作总结", "柳河乡", 2021)


def test_year_from_the_opening_when_headings_have_none():
    text = "2023年，全镇完成投资5亿元，2023年新增企业12家，较2022年增长8%。\n一、工作开展情况\n二、下一步计划"
    meta = detect_meta(text)
    assert (meta.years, meta.year) == ([2023, 2024], 2023)  # the 下一步计划 part is for the next year
    assert meta.kind == "工作总结及工作计划"


def test_chinese_numeral_year_in_title():
    meta = detect_meta("柳河乡二〇二三年工作总结\n一、主要成绩")
    assert (meta.years, meta.subdistrict) == ([2023], "柳河乡")


def test_helpers():
    assert place_in_title("赣州市章贡区翠屏街道办事处2023年工作总结") == "翠屏街道办事处"
    assert find_place("赣州市章贡区翠屏街道办事处2023年工作总结", "") == "翠屏街道"
    assert place_in_title("2023年工作总结") == ""
    assert is_masked("XX街道") and is_masked("某镇") and not is_masked("柳河乡")
    assert [name for _s, _e, name in division_mentions("江西省赣州市章贡区")] == ["江西省", "赣州市", "章贡区"]


def test_development_zone_stands_in_for_the_district():
    text = "\n".join(
        [
            "赣州经开区翠屏街道2023年工作总结",
            "2023年，翠屏街道在赣州经开区党工委、管委会的坚强领导下，全街完成投资5亿元。",
            "一、主要成绩",
        ]
    )
    meta = detect_meta(text)
    assert (meta.district, meta.subdistrict) == ("赣州经开区", "翠屏街道")


def test_title_over_two_lines():
    meta = detect_meta("青禾镇人民政府\n关于2023年工作总结的报告\n一、主要成绩\n全镇新建道路3公里。")
    assert (meta.title, meta.subdistrict, meta.year) == ("青禾镇人民政府关于2023年工作总结的报告", "青禾镇", 2023)


def test_plan_part_of_an_annual_report_covers_the_next_year():
    meta = detect_meta("柳河乡2023年工作总结及明年工作打算\n一、主要成绩\n二、明年工作打算")
    assert (meta.years, meta.year, meta.period) == ([2023, 2024], 2023, "annual")
    half = detect_meta("柳河乡2023年上半年工作总结及下半年工作计划\n一、主要成绩\n二、下半年工作打算")
    assert (half.years, half.year) == ([2023], 2023)


def test_a_title_about_a_kind_of_town_names_no_town() -> None:
    assert place_in_title("创建国家卫生乡镇工作汇报") == ""
    assert place_in_title("XX镇2023年工作总结") == "XX镇"


def test_a_kind_of_town_the_body_speaks_of_is_not_its_place() -> None:
    text = "一、主要成绩\n我镇先后荣获全国农业示范镇、省级卫生示范镇等称号。\n二、下一步打算\n我镇将巩固示范镇创建成果，争创国家级示范镇。\n"
    assert find_place("", text) == ""


def test_a_village_word_before_a_town_suffix_is_no_town() -> None:
    assert place_in_title("文明村镇申报材料") == ""


def test_one_character_before_a_known_town_is_part_of_the_name() -> None:
    from extract.metadata.place import table_edge

    assert table_edge("三江口街道") == "三江口街道"
    assert table_edge("上半年永兴镇") == "永兴镇"


def test_a_rank_of_towns_is_no_town() -> None:
    text = "大会发布了全国千强镇榜单，凤岭镇位列其中。凤岭镇先后被评为全国千强镇、国家卫生镇，全镇产业特色鲜明。全国千强镇评价侧重综合实力。"
    assert find_place("", text) == "凤岭镇"


def test_a_year_or_a_self_reference_before_a_town_is_not_part_of_its_name() -> None:
    text = "2013年枫岭乡获评国家卫生乡镇，2015年枫岭乡获评省级文明乡镇。这是我乡的大事，是我乡的光荣，是我乡的骄傲。"
    assert find_place("", text) == "枫岭乡"
