"""Issue 12: indicators as observations, on both stores.

The fictional 白鹭镇 2025 plan (tests/data/issue12/indicators-plan-2025.txt) reproduces
the defects: its opening paragraph reviews 2024 (stored as 2025 plan figures before),
states six figures of which two were read, a share of GDP (stored as GDP = 4.2%), and
its headings （一）项目, （二）服务园区 became Projects.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from extract.api import extract_path
from graph import tables
from graph.model import Graph
from graph.observations import evaluate
from graph.queries import library
from graph.resolve import resolve, split_by_report
from graph.store.base import GraphStore

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "tests" / "data" / "issue12" / "indicators-plan-2025.txt"
EXAMPLES = ROOT / "examples"


def observed(graph: Graph) -> dict[tuple[str, int], dict[str, Any]]:
    rows = tables.rows(graph, "indicators")
    return {(r["indicator"], r["year"]): r for r in rows}


@pytest.fixture(scope="module")
def plan() -> Graph:
    return extract_path(PLAN)


def test_review_figures_in_a_plan_report_carry_their_own_year(plan: Graph) -> None:
    got = observed(plan)
    gdp_growth = got[("地区生产总值", 2025)]
    assert gdp_growth["kind"] == "target" and gdp_growth["value_normalised"] == pytest.approx(0.06)
    output = got[("规上工业产值", 2024)]  # 2024年，…全镇完成规上工业产值48.6亿元 in a 2025 plan
    assert output["kind"] == "actual" and output["value_normalised"] == pytest.approx(4.86e9)
    assert output["comparison"] == "同比增长" and output["change"] == pytest.approx(0.072)
    assert ("规上工业产值", 2025) not in got


def test_every_figure_of_the_opening_paragraph_is_an_observation(plan: Graph) -> None:
    got = {k: r["value_normalised"] for k, r in observed(plan).items() if k[1] == 2024}
    assert got == pytest.approx({
        ("规上工业产值", 2024): 4.86e9,
        ("社会消费品零售总额", 2024): 1.23e9,
        ("固定资产投资", 2024): 9.8e8,
        ("财政总收入", 2024): 3.46e8,
        ("税收占比", 2024): 0.865,
        ("研发投入占地区生产总值比重", 2024): 0.042,
    })


def test_a_share_of_gdp_is_not_gdp(plan: Graph) -> None:
    gdp = [r for r in tables.rows(plan, "indicators") if r["indicator"] == "地区生产总值"]
    assert [r["value_normalised"] for r in gdp] == [pytest.approx(0.06)]  # only the 2025 growth target
    share = observed(plan)[("研发投入占地区生产总值比重", 2024)]
    assert share["base_unit"] == "ratio"


def test_indicator_names_are_normalised_and_keep_their_own(plan: Graph) -> None:
    graph = extract_path(EXAMPLES / "henan-guangshan-xingling-2023-township.txt")
    row = observed(graph)[("地区生产总值", 2023)]
    assert row["indicator_text"] == "生产总值" and row["value_normalised"] == pytest.approx(9.6e8)
    assert observed(graph)[("招商引资", 2023)]["indicator_text"] == "合同投资额"


def test_headings_of_a_plan_are_not_projects(plan: Graph) -> None:
    projects = {e.name for e in plan.entities.values() if e.label == "Project"}
    assert projects == {"白鹭智能制造产业园项目"}


def test_observation_recall_and_precision_on_the_example_gold() -> None:
    result = evaluate(ROOT / "tests" / "gold" / "examples" / "observations.json", EXAMPLES)
    assert result.tp + result.fn == 124  # five reports
    assert result.recall >= 0.9, result.misses
    assert result.precision >= 0.95, result.extras


@pytest.fixture(scope="module")
def everything() -> Graph:
    paths = sorted(p for p in EXAMPLES.iterdir() if p.suffix in {".txt", ".docx", ".html"}) + [PLAN]
    return resolve(extract_path(p) for p in paths)


def test_indicator_nodes_are_no_hubs_between_places(store: GraphStore, everything: Graph) -> None:
    for part in split_by_report(everything):
        store.save(part)
    graph = store.load()
    places_of: dict[str, set[str]] = {}
    for rel in graph.relations.values():
        if rel.type == "REPORTED":
            places_of.setdefault(rel.target, set()).add(rel.source)
    assert places_of and all(len(p) == 1 for p in places_of.values())
    by_name = {(e.label, e.name): e.id for e in graph.entities.values()}
    qingxi, hexi = by_name[("Subdistrict", "青溪镇")], by_name[("Subdistrict", "禾溪镇")]
    path = store.shortest_path(qingxi, hexi)
    assert not [e for e in path.entities if e.label == "Indicator"]
    around = store.neighbours(qingxi, depth=2)
    assert hexi not in {e.id for e in around.entities}


@pytest.mark.neo4j
def test_indicator_comparison_ranks_gdp_without_shares(neo4j_store: GraphStore, plan: Graph) -> None:
    neo4j_store.save(plan)
    query = library()["indicator_comparison"]
    result = neo4j_store.run_read(query.text, {"indicator": "规上工业产值", "year": "2024"})  # type: ignore[attr-defined]
    assert [tuple(r)[:3] if not isinstance(r, dict) else (r["place"], r["value_normalised"], r["base_unit"]) for r in result.rows] == [
        ("白鹭镇", pytest.approx(4.86e9), "yuan")
    ]
    result = neo4j_store.run_read(query.text, {"indicator": "地区生产总值", "year": "2024"})  # type: ignore[attr-defined]
    assert list(result.rows) == []  # 研发投入占地区生产总值比重 4.2% is no GDP
