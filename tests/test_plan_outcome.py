"""Plan versus outcome: the Graph implementation, and its agreement with the Cypher query."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.model import Evidence, Graph, Relation, Report
from graph.plan_outcome import OUTCOMES, OutcomeRow, bigram_dice, is_planned, plan_outcomes, plan_year
from graph.queries import library
from graph.store.base import GraphStore

FIXTURE = Path(__file__).resolve().parent / "data" / "query_graph.json"


def fixture_graph() -> Graph:
    return Graph.from_dict(json.loads(FIXTURE.read_text(encoding="utf-8")))


def summary(rows: list[OutcomeRow]) -> list[tuple[object, ...]]:
    return [(r.place, r.plan_year, r.type, r.planned, r.outcome, r.matched) for r in rows]


def test_outcomes_of_the_fixture_plans() -> None:
    rows = plan_outcomes(fixture_graph())
    assert {r.outcome for r in rows} == set(OUTCOMES)  # the fixture shows every outcome
    assert summary(rows) == [
        ("柳溪街道", 2023, "CARRIES_OUT", "智慧社区平台建设", "not_reported", None),
        ("柳溪街道", 2023, "CARRIES_OUT", "柳溪污水管网工程", "ongoing", "柳溪污水管网改造工程"),
        ("柳溪街道", 2023, "CARRIES_OUT", "老旧小区改造项目", "done", "老旧小区改造项目"),
        ("柳溪街道", 2023, "INTRODUCED", "远航物流有限公司", "done", "远航物流有限公司"),
        ("柳溪街道", 2024, "CARRIES_OUT", "柳溪文体中心", "planned", None),
        ("石桥镇", 2024, "CARRIES_OUT", "垃圾分类", "planned", None),
    ]


def test_outcome_report_is_the_same_places_report_on_the_planned_year() -> None:
    graph = fixture_graph()
    titles = {r.id: r.title for r in graph.reports.values()}
    rows = plan_outcomes(graph, place="柳溪街道")
    assert {titles[r.plan_report_id] for r in rows} == {
        "柳溪街道2022年工作总结及2023年工作计划",
        "柳溪街道2023年工作总结及2024年工作计划",
    }
    for row in rows:
        if row.plan_year == 2023:
            assert titles[row.outcome_report_id or ""] == "柳溪街道2023年工作总结及2024年工作计划"
        else:
            assert row.outcome_report_id is None


def test_place_filter_takes_a_name_or_an_id() -> None:
    graph = fixture_graph()
    by_name = plan_outcomes(graph, place="石桥镇")
    assert [r.planned for r in by_name] == ["垃圾分类"]
    assert plan_outcomes(graph, place=by_name[0].place_id) == by_name


def test_a_later_report_turns_planned_into_an_outcome() -> None:
    """Adding 石桥镇's 2024 report that does not mention 垃圾分类 turns `planned` into `not_reported`,
    and one that reports it completed turns it into `done`."""
    graph = fixture_graph()
    shiqiao = next(r for r in graph.reports.values() if r.place == "石桥镇")
    later = Report(id="report-later", path="later.txt", place="石桥镇", place_id=shiqiao.place_id, year=2024)
    graph.add_report(later)
    row = next(r for r in plan_outcomes(graph) if r.planned == "垃圾分类")
    assert (row.outcome, row.outcome_report_id) == ("not_reported", "report-later")

    initiative = next(e for e in graph.entities.values() if e.name == "垃圾分类")
    sentence = "垃圾分类全面推行到位。"
    graph.add_relation(
        Relation(
            "CARRIES_OUT",
            shiqiao.place_id,
            initiative.id,
            "report-later",
            {"status": "completed", "year": 2024},
            [Evidence("report-later", "一、2024年工作回顾", "review", sentence, 0, len(sentence))],
        )
    )
    row = next(r for r in plan_outcomes(graph) if r.planned == "垃圾分类")
    assert (row.outcome, row.matched, row.similarity) == ("done", "垃圾分类", 1.0)


def test_bigram_dice() -> None:
    assert bigram_dice("柳溪污水管网工程", "柳溪污水管网改造工程") == 0.75
    assert bigram_dice("老旧小区改造项目", "老旧小区改造项目") == 1.0
    assert bigram_dice("老旧小区改造项目", "智慧社区平台建设") == 0.0
    assert bigram_dice("村", "村") == 0.0  # no bigram, no evidence of closeness


def test_what_counts_as_planned_and_for_which_year() -> None:
    review = Report(id="r", path="p", year=2022, period="annual")
    plan_report = Report(id="r", path="p", year=2023, period="plan")
    in_plan = Evidence("r", "二、明年计划", "plan", "谋划建设文体中心。", 0, 9)
    planned = Relation("CARRIES_OUT", "a", "b", "r", {"status": "planned"})
    from_plan_section = Relation("INTRODUCED", "a", "b", "r", {}, [in_plan])
    done = Relation("CARRIES_OUT", "a", "b", "r", {"status": "completed", "year": 2022})
    mention = Relation("MENTIONS", "r", "b", "r", {}, [in_plan])
    assert is_planned(planned) and is_planned(from_plan_section)
    assert not is_planned(done) and not is_planned(mention)
    assert plan_year(planned, review) == 2023
    assert plan_year(planned, plan_report) == 2023
    assert (
        plan_year(Relation("CARRIES_OUT", "a", "b", "r", {"status": "planned", "year": 2025}), review) == 2025
    )


def test_both_stores_give_the_fixture_rows(store: GraphStore) -> None:
    """Loading through either store changes nothing in the outcomes."""
    store.save(fixture_graph())
    assert plan_outcomes(store.load()) == plan_outcomes(fixture_graph())


@pytest.mark.neo4j
def test_cypher_query_agrees_with_the_graph_implementation(neo4j_store: GraphStore) -> None:
    neo4j_store.save(fixture_graph())
    query = library()["plan_versus_outcome"]
    result = neo4j_store.run_read(query.text, {"place": None})  # type: ignore[attr-defined]
    rows = [
        row if isinstance(row, dict) else dict(zip(result.columns, row, strict=True)) for row in result.rows
    ]
    expected = [r.to_dict() for r in plan_outcomes(neo4j_store.load())]
    assert list(result.columns) == list(OutcomeRow.__dataclass_fields__)
    assert rows == expected
    assert len(rows) == 6
