"""Issue 12: each stated amount counted once, per place and year, on both stores.

Fictional reports of 白鹭街道 (tests/data/issue12) reproduce the defects: one
32亿-style amount on the enterprise and the project of one deal, a company's short
name read as a second enterprise, 美元 summed with yuan, two years in one bar,
section headings read as projects. The team's example reports are checked
against totals computed by hand from their text.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

from extract.api import extract_path
from graph import tables
from graph.model import Evidence, Graph, Relation
from graph.queries import library
from graph.resolve import resolve, split_by_report
from graph.store.base import GraphStore

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "issue12"
EXAMPLES = ROOT / "examples"

# Hand-computed from the examples' text: each sentence's stated amount of a deal brought in,
# review sections only (亿元). E.g. 锦澜街道 2023: 32 (微澜, one deal written as company and
# project) + 15 (恒拓); 溪岚镇 2022: 8.5 + 1.6 + 5 (the 5亿 once, not also for 松间竹海).
EXAMPLE_TOTALS_YI: dict[tuple[str, int], float] = {
    ("云岭乡", 2021): 0.28 + 0.45,
    ("明湖街道", 2024): 12 + 3.5 + 0.8,
    ("杏岭乡", 2023): 1.8 + 0.6,
    ("溪岚镇", 2022): 8.5 + 1.6 + 5,
    ("禾溪镇", 2022): 0.65 + 0.28,
    ("锦澜街道", 2023): 32 + 15,
    ("青枫街道", 2024): 6.8 + 1.5,
    ("青溪镇", 2023): 3.5 + 1.2 + 0.28,
    ("青溪镇", 2024): 3.2 + 0.8 + 0.15,
}
BAILU_TOTALS_YI = {("白鹭街道", 2023): 20 + 6 + 3 + 0.36, ("白鹭街道", 2024): 8 + 0.5}  # 0.36: 500万美元 at its stated rate


@lru_cache(maxsize=2)
def built(folder: str) -> Graph:
    """Every report of a folder extracted and resolved, as a build does."""
    paths = sorted(p for p in Path(folder).iterdir() if p.suffix in {".txt", ".docx", ".html"})
    return resolve(extract_path(p) for p in paths)


def bailu() -> Graph:
    return built(str(DATA))


def saved(store: GraphStore, graph: Graph) -> GraphStore:
    for part in split_by_report(graph):
        store.save(part)
    return store


def named(graph: Graph) -> dict[str, Any]:
    return {e.id: e for e in graph.entities.values()}


def introduced(graph: Graph) -> dict[str, dict[str, Any]]:
    ents = named(graph)
    return {ents[r.target].name: r.properties for r in graph.relations.values() if r.type == "INTRODUCED"}


def yi(rows: list[dict[str, Any]], name: str = "name", amount: str = "amount_yuan") -> dict[tuple[str, int], float]:
    return {(r[name], r["year"]): round(r[amount] / 1e8, 4) for r in rows}


def rounded(totals: dict[tuple[str, int], float]) -> dict[tuple[str, int], float]:
    return {k: round(v, 4) for k, v in totals.items()}


def test_a_deal_written_as_company_and_project_has_its_amount_on_the_company_only() -> None:
    got = introduced(bailu())
    assert got["苏州晨曦光电科技有限公司"]["amount_yuan"] == pytest.approx(2e9)
    assert "amount_yuan" not in got["晨曦光电显示模组项目"]  # linked, without the money
    assert got["临澜青岚文旅发展有限公司"]["amount_yuan"] == pytest.approx(3e8)
    assert "amount_yuan" not in got["青岚湖度假综合体项目"]
    stated = [p["amount_text"] for p in got.values() if p.get("amount_yuan")]
    assert len(stated) == len(set(stated))  # no amount twice (a short name read as a second company gets none)


def test_dollars_are_kept_apart_from_yuan_unless_a_rate_is_given() -> None:
    got = introduced(bailu())["香港瑞澜投资有限公司"]
    assert got["amount_usd"] == pytest.approx(2e7)
    assert "amount_yuan" not in got
    rated = introduced(bailu())["新加坡澜庭国际贸易有限公司"]  # 500万美元（约合人民币3600万元）
    assert rated["amount_usd"] == pytest.approx(5e6) and rated["amount_yuan"] == pytest.approx(3.6e7)


def test_section_headings_are_not_projects() -> None:
    projects = {e.name for e in bailu().entities.values() if e.label == "Project"}
    assert "白鹭新材料产业园项目" in projects
    assert not [p for p in projects if p.startswith(("(", "（")) or "服务园区" in p]


def test_one_sentence_is_listed_once_on_a_fact() -> None:
    ev = Evidence("report-x", "", "review", "甲公司签约落户。", 0, 8, ((0, 3),))
    graph = Graph()
    graph.add_relation(Relation("INTRODUCED", "a", "b", "report-x", {}, [ev]))
    graph.add_relation(Relation("INTRODUCED", "a", "b", "report-x", {}, [Evidence(**{**ev.__dict__, "marks": ((4, 6),)})]))
    (held,) = graph.relations.values()
    assert len(held.evidence) == 1 and held.evidence[0].marks == ((0, 3), (4, 6))
    for graph in (bailu(), built(str(EXAMPLES))):
        for rel in graph.relations.values():
            if rel.type == "MENTIONS":
                continue  # one piece of evidence per mention, by design
            spans = [(e.report_id, e.start) for e in rel.evidence]
            assert len(spans) == len(set(spans)), rel


def test_totals_per_place_and_year_count_each_amount_once(store: GraphStore) -> None:
    saved(store, bailu())
    chart = yi(store.overview()["investment_per_subdistrict"])
    assert chart == rounded(BAILU_TOTALS_YI)  # no 2023+2024 bar, no plan's 8亿, no 美元
    table = tables.investment_totals(store.load())
    assert yi(table, "place") == rounded(BAILU_TOTALS_YI)
    assert [r["amount_usd"] for r in table] == [pytest.approx(2e7), None]


def test_examples_yearly_totals_match_the_hand_computed_figures(store: GraphStore) -> None:
    saved(store, built(str(EXAMPLES)))
    assert yi(store.overview()["investment_per_subdistrict"]) == rounded(EXAMPLE_TOTALS_YI)
    assert yi(tables.investment_totals(store.load()), "place") == rounded(EXAMPLE_TOTALS_YI)


@pytest.mark.neo4j
def test_the_named_total_query_counts_each_amount_once(neo4j_store: GraphStore) -> None:
    saved(neo4j_store, built(str(EXAMPLES)))
    result = neo4j_store.run_read(library()["investment_by_subdistrict_year"].text, {})  # type: ignore[attr-defined]
    rows = [dict(zip(result.columns, row, strict=True)) if not isinstance(row, dict) else row for row in result.rows]
    got = {(r["subdistrict"], r["year"]): round(r["total_yuan"] / 1e8, 4) for r in rows if r["total_yuan"]}
    assert got == rounded(EXAMPLE_TOTALS_YI)


def test_a_name_inside_a_project_is_not_a_company_brought_in() -> None:
    """溪岚镇's 松间竹海 (a scenic area, inside 松间竹海度假综合体项目) was a third company for one deal."""
    graph = built(str(EXAMPLES))
    for rid in graph.reports:
        got = [(graph.entities[r.target].label, graph.entities[r.target].name) for r in graph.relations_of(rid) if r.type == "INTRODUCED"]
        projects = [n for label, n in got if label == "Project"]
        assert not [n for label, n in got if label == "Enterprise" and any(n in p for p in projects)], got


def test_a_project_name_does_not_start_with_the_verb_before_it() -> None:
    """锦澜's 运营锦澜数字经济产业园 was a project named with its verb (签约运营…产业园)."""
    projects = {e.name for e in bailu().entities.values() if e.label == "Project"}
    assert "白鹭科创产业园" in projects
    assert not [p for p in projects if p.startswith(("运营", "建设", "实施"))]
