"""One rule of the relation modules per test, each on fictional sentences in a made-up
report of 樟溪镇 (review section for 2024, plan section for 2025)."""

from __future__ import annotations

import pytest

from extract.api import extract_source
from extract.assemble import assemble
from extract.document import ReportMeta, Section, SourceText
from extract.nlp.pipeline import build_nlp
from extract.relations.figures import FIGURE, change, figure, figure_unit, money
from graph.model import Graph

PLAN_HEADING = "二、2025年工作计划\n"


def report(review: str, plan: str = "") -> Graph:
    """Extract a two-section report whose review and plan sections hold the given text."""
    text = "樟溪镇2024年工作总结\n一、2024年工作回顾\n" + review + "\n" + PLAN_HEADING + plan + "\n"
    cut = text.index(PLAN_HEADING)
    sections = [
        Section(0, None, 0, "", "review", 0, len(text)),
        Section(1, 0, 1, "一、2024年工作回顾", "review", text.index("一、"), cut),
        Section(2, 0, 1, "二、2025年工作计划", "plan", cut, len(text)),
    ]
    meta = ReportMeta(title="樟溪镇2024年工作总结", subdistrict="樟溪镇", years=[2024, 2025], year=2024, period="annual")
    return assemble(build_nlp()(text), SourceText("t.txt", text, "txt"), meta, sections)


def facts(graph: Graph, type_: str) -> dict[tuple[str, str], dict]:
    names = {e.id: e.name for e in graph.entities.values()}
    return {
        (names.get(r.source, r.source), names[r.target]): r.properties
        for r in graph.relations.values()
        if r.type == type_
    }


def carried(graph: Graph) -> dict[str, tuple[str, str, int]]:
    """Project or initiative -> (who carries it out, status, year)."""
    return {t: (s, p["status"], p["year"]) for (s, t), p in facts(graph, "CARRIES_OUT").items()}


# CARRIES_OUT: who


def test_an_organization_carries_out_its_initiative() -> None:
    got = carried(report("镇妇联开展“巾帼建功”行动，带动妇女创业200人。"))
    assert got["巾帼建功行动"][0] == "妇联"


def test_a_village_that_does_the_work_carries_it_out() -> None:
    got = carried(report("樟木村盘活闲置厂房以建设樟木村农产品冷链仓储中心项目。"))
    assert got["樟木村农产品冷链仓储中心项目"][0] == "樟木村"


def test_a_place_where_the_work_happens_is_not_the_actor() -> None:
    got = carried(report("湘南远舟农业发展有限公司在樟木村投资800万元建设樟木村油茶加工基地。"))
    assert got["樟木村油茶加工基地"][0] == "樟溪镇"


def test_without_a_named_actor_the_reports_own_place_carries_out() -> None:
    got = carried(report("实施樟溪河生态治理工程，治理河道3.2公里。"))
    assert got["樟溪河生态治理工程"][0] == "樟溪镇"


# CARRIES_OUT: status


@pytest.mark.parametrize(
    ("sentence", "project", "expected"),
    [
        ("樟溪河生态治理工程全面竣工。", "樟溪河生态治理工程", "completed"),
        ("樟溪镇卫生院综合楼项目于11月投入使用。", "樟溪镇卫生院综合楼项目", "completed"),
        ("樟溪工业小区标准厂房项目建成投产。", "樟溪工业小区标准厂房项目", "completed"),
        ("加快推进樟溪河生态治理工程。", "樟溪河生态治理工程", "ongoing"),
        ("樟溪工业小区标准厂房项目开工建设，年内完成投资1.2亿元。", "樟溪工业小区标准厂房项目", "ongoing"),
        ("樟溪河生态治理工程目前在建。", "樟溪河生态治理工程", "ongoing"),
        ("樟溪工业小区标准厂房项目已建成厂房2万平方米，完成计划的70%，剩余部分结转至明年。", "樟溪工业小区标准厂房项目", "ongoing"),
        ("樟溪河生态治理工程因报批滞后，未能按期完成。", "樟溪河生态治理工程", "ongoing"),
        ("计划实施樟溪河生态治理工程。", "樟溪河生态治理工程", "planned"),
        ("樟溪镇卫生院综合楼项目将于年内建成。", "樟溪镇卫生院综合楼项目", "planned"),
    ],
)
def test_status_from_the_words_of_a_review_sentence(sentence: str, project: str, expected: str) -> None:
    assert carried(report(sentence))[project][1] == expected


def test_first_phase_done_while_the_second_is_under_way_is_completed() -> None:
    got = carried(report("樟溪工业小区标准厂房项目一期于4月投产，二期主体工程已完成60%。"))
    (status,) = {s for t, (_, s, _) in got.items() if t.startswith("樟溪工业小区标准厂房项目")}
    assert status == "completed"


def test_done_in_one_clause_does_not_leak_to_the_next_project() -> None:
    got = carried(report("樟溪河生态治理工程全面竣工；樟溪镇卫生院综合楼项目开工建设。"))
    assert got["樟溪河生态治理工程"][1] == "completed"
    assert got["樟溪镇卫生院综合楼项目"][1] == "ongoing"


def test_a_project_in_the_plan_section_is_planned_even_if_it_says_built() -> None:
    got = carried(report("召开工作会议。", "确保樟溪河生态治理工程年内建成通车。"))
    assert got["樟溪河生态治理工程"][1:] == ("planned", 2025)


# years


def test_a_review_fact_has_the_report_year_and_a_plan_fact_the_plan_year() -> None:
    got = facts(report("实施樟溪河生态治理工程。", "启动樟溪湿地公园项目。"), "CARRIES_OUT")
    years = {t: p["year"] for (_, t), p in got.items()}
    assert years == {"樟溪河生态治理工程": 2024, "樟溪湿地公园项目": 2025}


def test_a_year_written_in_the_sentence_wins() -> None:
    got = carried(report("2023年启动的樟溪河生态治理工程全面竣工。"))
    assert got["樟溪河生态治理工程"][2] == 2023


def test_a_base_year_of_comparison_or_a_span_is_not_the_facts_year() -> None:
    got = carried(report("与2020年相比，樟溪河生态治理工程治理河道翻番；2021—2023年持续实施樟溪湿地公园项目。"))
    assert got["樟溪河生态治理工程"][2] == 2024
    assert got["樟溪湿地公园项目"][2] == 2024


def test_awarded_year_is_the_report_year_not_the_period_in_the_title() -> None:
    got = facts(report("樟溪镇荣获2023年度“全省乡村振兴示范镇”。"), "AWARDED")
    assert [p["year"] for p in got.values()] == [2024]


def test_awarded_year_written_before_the_verb_wins() -> None:
    got = facts(report("2022年，樟木村被评为“省级美丽乡村示范村”。"), "AWARDED")
    assert got[("樟木村", "省级美丽乡村示范村")]["year"] == 2022


# amounts


@pytest.mark.parametrize(
    ("text", "yuan"),
    [
        ("计划总投资3.5亿元", 350_000_000),
        ("总投资约3500万元", 35_000_000),
        ("投资额超1,200万元", 12_000_000),
        ("总投资近2亿元", 200_000_000),
        ("计划投资2-3亿元", 200_000_000),
        ("投资1亿元至2亿元", 100_000_000),
        ("投资5000元", 5_000),
    ],
)
def test_money_normalises_to_yuan(text: str, yuan: float) -> None:
    found = money(text)
    assert found is not None and found[0] == pytest.approx(yuan)
    assert found[1] == text


def test_money_in_another_currency_is_not_yuan() -> None:
    assert money("增资1.2亿美元扩建研发中心") is None


def test_each_introduced_company_keeps_its_own_amount() -> None:
    got = facts(
        report("引进湘南远舟农业发展有限公司，投资2800万元；引进樟溪恒固新材料科技有限公司，投资3.5亿元。"),
        "INTRODUCED",
    )
    amounts = {t: p.get("amount_yuan") for (_, t), p in got.items()}
    assert amounts["湘南远舟农业发展有限公司"] == pytest.approx(28_000_000)
    assert amounts["樟溪恒固新材料科技有限公司"] == pytest.approx(350_000_000)


def test_company_and_project_signed_together_share_the_amount() -> None:
    got = facts(report("湘南远舟农业发展有限公司签约落地樟溪油茶精深加工基地，计划总投资5亿元。"), "INTRODUCED")
    assert got[("樟溪镇", "湘南远舟农业发展有限公司")]["amount_yuan"] == pytest.approx(500_000_000)


# indicators


def reported(sentence: str) -> dict[str, dict]:
    return {t: p for (_, t), p in facts(report(sentence), "REPORTED").items()}


def test_comparison_after_a_figure_is_a_signed_ratio() -> None:
    props = reported("粮食播种面积4.6万亩，较上年下降1.5%。")["粮食播种面积"]
    assert (props["value_normalised"], props["base_unit"]) == (46_000, "mu")
    assert props["comparison"] == "较上年下降"
    assert props["change"] == pytest.approx(-0.015) and props["change_unit"] == "ratio"


def test_a_change_in_percentage_points_is_kept_in_points() -> None:
    props = reported("城乡居民基本养老保险参保率98.6%，比上年提高2个百分点。")["城乡居民基本养老保险参保率"]
    assert props["value_normalised"] == pytest.approx(0.986)
    assert (props["change"], props["change_unit"]) == (2.0, "points")


def test_a_growth_rate_alone_is_the_value_as_a_ratio() -> None:
    props = reported("全年地区生产总值同比增长9%。")["地区生产总值"]
    assert props["value_normalised"] == pytest.approx(0.09) and props["base_unit"] == "ratio"
    assert props["comparison"] == "同比增长"


@pytest.mark.parametrize(
    ("words", "value", "unit", "expected"),
    [("同比增长", "9", "%", (0.09, "ratio")), ("同比下降", "3", "%", (-0.03, "ratio")), ("较上年回落", "1.2", "个百分点", (-1.2, "points"))],
)
def test_change(words: str, value: str, unit: str, expected: tuple[float, str]) -> None:
    got = change(words, value, unit)
    assert got[0] == pytest.approx(expected[0]) and got[1] == expected[1]


def test_items_of_one_list_share_the_status_written_after_the_list() -> None:
    got = carried(report("樟木村饮水提质工程、白沙村饮水提质工程全面竣工。"))
    assert got["樟木村饮水提质工程"][1] == got["白沙村饮水提质工程"][1] == "completed"


def test_finished_preparation_is_not_a_finished_project() -> None:
    got = carried(report("樟溪油茶精深加工基地项目已完成前期选址。"))
    assert got["樟溪油茶精深加工基地项目"][1] == "ongoing"


def test_opening_for_business_is_completed() -> None:
    got = carried(report("樟溪商业综合体项目开业运营，引进商户60余家。"))
    assert got["樟溪商业综合体项目"][1] == "completed"


def test_one_status_per_project_and_sentence() -> None:
    graph = report("大力推进樟溪河生态治理工程建设，樟溪河生态治理工程完成率100%。")
    names = {e.id: e.name for e in graph.entities.values()}
    statuses = [r.properties["status"] for r in graph.relations.values() if r.type == "CARRIES_OUT" and names[r.target] == "樟溪河生态治理工程"]
    assert statuses == ["completed"]


def test_a_project_built_by_a_signed_company_links_without_the_deals_amount() -> None:
    got = facts(
        report("湘南恒固新材料科技有限公司成功落户樟溪工业小区，计划总投资3.5亿元，建设樟溪环保建材产业园项目。"),
        "INTRODUCED",
    )
    amounts = {t: p.get("amount_yuan") for (_, t), p in got.items()}
    assert amounts["湘南恒固新材料科技有限公司"] == pytest.approx(350_000_000)
    assert amounts["樟溪环保建材产业园项目"] is None  # one stated amount, one fact (issue 12)


def test_the_cost_of_a_park_is_not_the_amount_of_its_tenants() -> None:
    got = facts(report("樟木村投资2000多万元建设樟木村创业园,目前已入驻湘南远舟物流有限公司。"), "INTRODUCED")
    assert got[("樟溪镇", "湘南远舟物流有限公司")].get("amount_yuan") is None


def test_a_project_before_the_trigger_in_another_clause_is_not_introduced() -> None:
    got = facts(report("盘活樟溪产业园区闲置厂房30亩,引进湘南远舟金属材料有限公司。"), "INTRODUCED")
    assert {t for _, t in got} == {"湘南远舟金属材料有限公司"}


def test_a_company_supported_after_a_full_stop_is_not_introduced() -> None:
    got = facts(report("引进湘南远舟农业开发有限公司,投资2800万元建设樟溪茶旅示范园项目.支持樟溪云雾茶业有限责任公司扩建加工厂."), "INTRODUCED")
    assert ("樟溪镇", "樟溪云雾茶业有限责任公司") not in got
    assert got[("樟溪镇", "湘南远舟农业开发有限公司")]["amount_yuan"] == pytest.approx(28_000_000)


def test_putting_plans_into_practice_is_not_bringing_in_a_project() -> None:
    graph = report("有针对性落地落实樟溪民生实事项目。")
    assert "樟溪民生实事项目" in carried(graph)
    assert facts(graph, "INTRODUCED") == {}


def test_money_with_more_than_words() -> None:
    assert money("投资2000多万元")[0] == pytest.approx(20_000_000)
    assert money("投资1亿余元")[0] == pytest.approx(100_000_000)


@pytest.mark.parametrize(
    ("sentence", "project", "expected"),
    [
        ("樟溪科创产业园项目完成桩基施工。", "樟溪科创产业园项目", "ongoing"),
        ("樟溪镇卫生院综合楼项目完成主体施工。", "樟溪镇卫生院综合楼项目", "ongoing"),
        ("樟溪至白沙公路改造工程全线贯通。", "樟溪至白沙公路改造工程", "completed"),
        ("深入开展“洁净家园”行动，完成农村户厕改造860户。", "洁净家园行动", "ongoing"),
        ("“百日攻坚”行动顺利完成。", "百日攻坚行动", "completed"),
    ],
)
def test_a_stage_or_an_output_is_not_the_end_of_the_work(sentence: str, project: str, expected: str) -> None:
    assert carried(report(sentence))[project][1] == expected


def test_a_masked_recipient_after_an_ascii_full_stop_gets_no_award() -> None:
    graph = report('樟木村村民邓春华荣获"全国劳动模范"称号.此外,XXX公司获评"县级诚信企业".')
    pairs = set(facts(graph, "AWARDED"))
    assert ("邓春华", "全国劳动模范") in pairs
    assert not any(t == "县级诚信企业" for _, t in pairs)


def test_a_company_investing_in_a_project_and_what_a_base_becomes() -> None:
    got = facts(report("湘南远舟农业发展有限公司投资2800万元建设樟溪油茶精深加工基地。"), "INVESTS_IN")
    assert got[("湘南远舟农业发展有限公司", "樟溪油茶精深加工基地")]["amount_yuan"] == pytest.approx(28_000_000)
    graph = report("助力湘南远舟农业发展有限公司育种基地建设成为省级育种示范区和樟溪水稻良种繁育基地。")
    assert "樟溪水稻良种繁育基地" in carried(graph)
    assert facts(graph, "INVESTS_IN") == {}


def test_settling_in_our_town_is_located_in_the_reports_own_place() -> None:
    got = facts(report("湘南远舟数据服务有限公司落户我镇，注册资本1亿元。"), "LOCATED_IN")
    assert ("湘南远舟数据服务有限公司", "樟溪镇") in got


@pytest.mark.parametrize(
    ("text", "unit", "norm", "base"),
    [
        ("1,200万元", "万元", 12_000_000, "yuan"),
        ("3.2万余人", "万人", 32_000, "persons"),
        ("2.1万头", "万头", 21_000, "head"),
        ("3万户", "万户", 30_000, "households"),
        ("5千米", "千米", 5, "km"),
        ("86.5%", "%", 0.865, "ratio"),
    ],
)
def test_figures_with_scales_commas_and_more_than(text: str, unit: str, norm: float, base: str) -> None:
    match = FIGURE.search(text)
    assert match is not None and match.group(0) == text
    fig = figure(match.group("value"), figure_unit(match))
    assert (fig.unit, fig.base_unit) == (unit, base) and fig.value_normalised == pytest.approx(norm)


def test_a_company_investing_in_an_item_of_a_list_of_signings_is_introduced() -> None:
    got = facts(
        report("湘南远舟半导体有限公司投资3亿元的远舟晶圆项目正式签约落户；樟溪恒拓汽车零部件有限公司投资15亿元建设樟溪电驱系统生产基地；"),
        "INTRODUCED",
    )
    assert got[("樟溪镇", "樟溪恒拓汽车零部件有限公司")]["amount_yuan"] == pytest.approx(1_500_000_000)


def test_a_company_investing_after_a_full_stop_or_outside_a_signing_list_is_not_introduced() -> None:
    after_stop = report("湘南远舟半导体有限公司正式签约落户。樟溪恒拓汽车零部件有限公司投资15亿元建设樟溪电驱系统生产基地。")
    no_signing = report("樟溪镇召开企业座谈会；樟溪恒拓汽车零部件有限公司投资15亿元建设樟溪电驱系统生产基地。")
    for graph in (after_stop, no_signing):
        assert ("樟溪恒拓汽车零部件有限公司", "樟溪电驱系统生产基地") in facts(graph, "INVESTS_IN")
        assert ("樟溪镇", "樟溪恒拓汽车零部件有限公司") not in facts(graph, "INTRODUCED")


def test_part_of_follows_the_division_table_where_the_text_is_silent() -> None:
    # place names from jionlp's table, the facts invented
    text = (
        "湖南省长沙市浏阳市中和镇2024年工作总结\n"
        "全年，山枣潭村完成道路硬化3公里。与关口街道联合整治河道，杨溪湖村新建游步道2公里。"
    )
    graph = extract_source(SourceText("x.txt", text, "txt"))
    names = {e.id: e.name for e in graph.entities.values()}
    part_of = {(names[r.source], names[r.target]): r.properties for r in graph.relations.values() if r.type == "PART_OF"}
    assert part_of[("山枣潭村", "中和镇")]["basis"] == "table"
    assert part_of[("杨溪湖村", "关口街道")]["basis"] == "table"
    assert part_of[("关口街道", "浏阳市")]["basis"] == "table"
    assert ("杨溪湖村", "中和镇") not in part_of
