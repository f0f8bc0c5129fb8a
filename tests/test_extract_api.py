"""The extraction contract on a small fictional report file."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.api import extract_path
from extract.document import ReadError
from graph.model import Graph, entity_id, report_id

REPORT = """樟溪镇2024年工作总结及2025年工作计划
一、2024年工作总结
（一）经济发展
全年完成地区生产总值12.5亿元，同比增长6.2%。引进湘潭市远舟农业发展有限公司，投资2800万元建设白沙村油茶精深加工基地。
（二）荣誉
樟溪镇荣获“全省乡村振兴示范镇”，樟木村被评为“省级美丽乡村示范村”。樟溪镇党委组织开展“清河净岸”行动。
二、2025年工作计划
推进樟溪河生态治理工程，完成樟木村、白沙村道路硬化。
"""


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    path = tmp_path_factory.mktemp("reports") / "zhangxi.txt"
    path.write_text(REPORT, encoding="utf-8")
    return extract_path(path)


def test_one_report_with_its_metadata(graph: Graph) -> None:
    (report,) = graph.reports.values()
    assert report.id == report_id(report.text)
    assert report.place == "樟溪镇"
    assert report.place_id == next(e.id for e in graph.entities.values() if e.name == "樟溪镇")
    assert report.year == 2024 and 2025 in report.years
    assert report.sections and report.path.endswith("zhangxi.txt")


def test_entities_by_label(graph: Graph) -> None:
    by_label = {(e.label, e.name) for e in graph.entities.values()}
    assert {
        ("Subdistrict", "樟溪镇"),
        ("Village", "樟木村"),
        ("Village", "白沙村"),
        ("Enterprise", "湘潭市远舟农业发展有限公司"),
        ("Project", "白沙村油茶精深加工基地"),
        ("Project", "樟溪河生态治理工程"),
        ("Honour", "全省乡村振兴示范镇"),
        ("Organization", "樟溪镇党委"),
        ("Initiative", "清河净岸行动"),
        ("Indicator", "地区生产总值"),
    } <= by_label


def test_villages_are_scoped_by_the_reports_township(graph: Graph) -> None:
    (report,) = graph.reports.values()
    village = next(e for e in graph.entities.values() if e.name == "樟木村")
    assert village.id == entity_id("Village", "樟木村", report.place_id)
    assert village.id != entity_id("Village", "樟木村", "")


def test_honours_carry_a_level(graph: Graph) -> None:
    honour = next(e for e in graph.entities.values() if e.name == "全省乡村振兴示范镇")
    assert honour.properties["level"] == "provincial"


def test_relations_belong_to_the_report_and_point_at_entities(graph: Graph) -> None:
    (report,) = graph.reports.values()
    types = {r.type for r in graph.relations.values()}
    assert {"AWARDED", "INTRODUCED", "CARRIES_OUT", "REPORTED", "MENTIONS", "PART_OF"} <= types
    for rel in graph.relations.values():
        assert rel.report_id == report.id
        assert rel.target in graph.entities
        assert rel.source in graph.entities or (rel.type == "MENTIONS" and rel.source == report.id)
        for ev in rel.evidence:
            assert report.text[ev.start : ev.end] == ev.sentence


def test_plan_section_facts_are_planned(graph: Graph) -> None:
    names = {e.id: e.name for e in graph.entities.values()}
    rel = next(r for r in graph.relations.values() if r.type == "CARRIES_OUT" and names[r.target] == "樟溪河生态治理工程")
    assert rel.properties["status"] == "planned"
    assert rel.properties["section_kind"] == "plan" and rel.properties["year"] == 2025


def test_unreadable_file_raises_read_error(tmp_path: Path) -> None:
    with pytest.raises(ReadError):
        extract_path(tmp_path / "absent.txt")


@pytest.mark.parametrize("text", ["", "   \n", "获评", "“”荣获“"])
def test_degenerate_texts_give_an_empty_fragment(text: str) -> None:
    from extract.api import extract_source
    from extract.document import SourceText

    graph = extract_source(SourceText("x.txt", text, "txt"))
    assert len(graph.reports) == 1 and not graph.entities and not graph.relations


def test_masked_recipient_gets_no_award() -> None:
    from extract.api import extract_source
    from extract.document import SourceText

    graph = extract_source(SourceText("x.txt", "XX街道荣获“全国文明单位”。", "txt"))
    assert [e.name for e in graph.entities.values()] == ["全国文明单位"]
    assert not [r for r in graph.relations.values() if r.type == "AWARDED"]
