"""Relation modules on a small made-up report, assembled the way extract_source does it."""

from __future__ import annotations

import pytest

from extract.document import ReportMeta, Section, SourceText
from extract.nlp.pipeline import build_nlp
from extract.relations.figures import figure, money
from graph.model import Graph

TEXT = (
    "樟溪镇2024年工作总结\n"
    "一、2024年工作总结\n"
    "全年完成地区生产总值12.5亿元，同比增长6.2%。"
    "樟溪镇荣获“全省乡村振兴示范镇”。樟木村、白沙村被评为“省级美丽乡村示范村”。"
    "樟木村党支部书记邓春华荣获“全省优秀村党组织书记”。"
    "引进湘潭市远舟农业发展有限公司，投资2800万元建设白沙村油茶精深加工基地，目前已建成投产。\n"
    "二、2025年工作计划\n"
    "推进樟溪河生态治理工程。\n"
)


def _sections() -> list[Section]:
    plan = TEXT.index("二、")
    return [
        Section(0, None, 0, "", "review", 0, len(TEXT)),
        Section(1, 0, 1, "一、2024年工作总结", "review", TEXT.index("一、"), plan),
        Section(2, 0, 1, "二、2025年工作计划", "plan", plan, len(TEXT)),
    ]


@pytest.fixture(scope="module")
def graph() -> Graph:
    from extract.assemble import assemble

    meta = ReportMeta(title="樟溪镇2024年工作总结", subdistrict="樟溪镇", years=[2024, 2025], year=2024, period="annual")
    return assemble(build_nlp()(TEXT), SourceText("t.txt", TEXT, "txt"), meta, _sections())


def facts(graph: Graph, type_: str) -> list[tuple[str, str, dict]]:
    names = {e.id: e.name for e in graph.entities.values()}
    return [(names.get(r.source, r.source), names[r.target], r.properties) for r in graph.relations.values() if r.type == type_]


def test_awarded_named_list_and_implied_recipients(graph: Graph) -> None:
    pairs = {(s, t) for s, t, _ in facts(graph, "AWARDED")}
    assert pairs == {
        ("樟溪镇", "全省乡村振兴示范镇"),
        ("樟木村", "省级美丽乡村示范村"),
        ("白沙村", "省级美丽乡村示范村"),
        ("邓春华", "全省优秀村党组织书记"),
    }


def test_awarded_carries_year_and_evidence(graph: Graph) -> None:
    rel = next(r for r in graph.relations.values() if r.type == "AWARDED")
    ev = rel.evidence[0]
    assert rel.properties["year"] == 2024
    assert rel.properties["section_kind"] == "review"
    assert TEXT[ev.start : ev.end] == ev.sentence
    assert all(ev.start <= a < b <= ev.end for a, b in ev.marks)
    assert ev.section == "一、2024年工作总结"


def test_reported_figure_is_normalised(graph: Graph) -> None:
    (place, indicator, props), = facts(graph, "REPORTED")
    assert (place, indicator) == ("樟溪镇", "地区生产总值")
    assert props["value"] == 12.5 and props["unit"] == "亿元"
    assert props["value_normalised"] == 1_250_000_000 and props["base_unit"] == "yuan"
    assert props["comparison"] == "同比增长" and props["change"] == pytest.approx(0.062)


def test_introduced_invests_and_located(graph: Graph) -> None:
    introduced = {(s, t): p for s, t, p in facts(graph, "INTRODUCED")}
    assert introduced[("樟溪镇", "湘潭市远舟农业发展有限公司")]["amount_yuan"] == 28_000_000
    assert [(s, t) for s, t, _ in facts(graph, "INVESTS_IN")] == [("湘潭市远舟农业发展有限公司", "白沙村油茶精深加工基地")]
    assert ("白沙村油茶精深加工基地", "白沙村") in {(s, t) for s, t, _ in facts(graph, "LOCATED_IN")}


def test_carries_out_status_follows_section_and_verbs(graph: Graph) -> None:
    status = {t: p["status"] for _, t, p in facts(graph, "CARRIES_OUT")}
    assert status["白沙村油茶精深加工基地"] == "completed"
    assert status["樟溪河生态治理工程"] == "planned"


def test_part_of_is_inferred_for_the_reports_villages(graph: Graph) -> None:
    part_of = {(s, t): p for s, t, p in facts(graph, "PART_OF")}
    assert part_of[("樟木村", "樟溪镇")]["inferred"] is True


def test_mentions_cover_every_entity(graph: Graph) -> None:
    report = next(iter(graph.reports))
    targets = {r.target for r in graph.relations.values() if r.type == "MENTIONS"}
    assert all(r.source == report for r in graph.relations.values() if r.type == "MENTIONS")
    assert targets == set(graph.entities)


@pytest.mark.parametrize(
    ("value", "unit", "norm", "base"),
    [("1.25", "亿元", 125_000_000, "yuan"), ("48.03", "亩", 48.03, "mu"), ("9", "%", 0.09, "ratio"), ("3.2", "万人", 32_000, "persons")],
)
def test_figures(value: str, unit: str, norm: float, base: str) -> None:
    fig = figure(value, unit)
    assert fig.value_normalised == pytest.approx(norm) and fig.base_unit == base


def test_money() -> None:
    assert money("计划总投资3.5亿元，建设厂房") == (350_000_000, "计划总投资3.5亿元")
    assert money("完成任务") is None
