"""Every named query, run in the real Neo4j on the fictional graph tests/data/query_graph.json.

Each query has an expected answer below (the columns that matter, in the
query's own order); a test checks that no library query is left without one.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from graph.model import Graph
from graph.queries import library
from graph.store.base import GraphStore

FIXTURE = Path(__file__).resolve().parent / "data" / "query_graph.json"
R1 = "柳溪街道2022年工作总结及2023年工作计划"
R2 = "柳溪街道2023年工作总结及2024年工作计划"
R3 = "石桥镇2023年工作总结及2024年工作计划"


def fixture_graph() -> Graph:
    return Graph.from_dict(json.loads(FIXTURE.read_text(encoding="utf-8")))


def ids() -> dict[str, str]:
    """Entity ids by name, report ids by title (ids are content hashes, so looked up)."""
    graph = fixture_graph()
    found = {e.name: e.id for e in graph.entities.values()}
    found.update({r.title: r.id for r in graph.reports.values()})
    return found


# name -> (params, columns compared, expected rows in the query's order)
EXPECTED: dict[str, tuple[dict[str, Any], tuple[str, ...], list[tuple[Any, ...]]]] = {
    "village_honours": (
        {"level": ""},
        ("village", "parent", "honour", "level", "year", "reports"),
        [
            ("杏花村", "柳溪街道", "全国文明村", "national", 2022, [R1]),
            ("桃园村", "柳溪街道", "省级美丽乡村示范村", "provincial", 2023, [R2]),
            ("杏花村", "柳溪街道", "市级卫生村", "city", 2023, [R2]),
            ("枫林村", "石桥镇", "市级卫生村", "city", 2023, [R3]),
        ],
    ),
    "place_honours": (
        {"level": "district", "label": None},
        ("place", "place_label", "honour", "level", "year"),
        [("滨河社区", "Community", "区级平安社区", "district", 2023)],
    ),
    "honours_of_place": (
        {"place": "杏花村"},
        ("place", "honour", "level", "year", "sentences"),
        [
            ("杏花村", "全国文明村", "national", 2022, ["杏花村荣获全国文明村称号。"]),
            (
                "杏花村",
                "市级卫生村",
                "city",
                2023,
                ["杏花村持续开展人居环境整治，荣获市级卫生村称号；桃园村获评省级美丽乡村示范村。"],
            ),
        ],
    ),
    "honour_counts_by_level": (
        {},
        ("place", "place_label", "national", "provincial", "city", "district", "other", "total"),
        [
            ("杏花村", "Village", 1, 0, 1, 0, 0, 2),
            ("桃园村", "Village", 0, 1, 0, 0, 0, 1),
            ("枫林村", "Village", 0, 0, 1, 0, 0, 1),
            ("滨河社区", "Community", 0, 0, 0, 1, 0, 1),
        ],
    ),
    "enterprises_introduced": (
        {"place": "柳溪街"},  # an alias
        ("place", "enterprise", "amount_yuan", "amount_text", "year", "report"),
        [
            ("柳溪街道", "青禾食品有限公司", 50_000_000, "5000万元", 2022, R1),
            ("柳溪街道", "远航物流有限公司", 120_000_000, "1.2亿元", 2023, R2),
        ],
    ),
    "investment_by_subdistrict_year": (
        {},
        ("subdistrict", "year", "enterprises", "total_yuan", "total_wan_yuan"),
        [
            ("柳溪街道", 2022, 1, 50_000_000, 5000.0),
            ("柳溪街道", 2023, 1, 120_000_000, 12000.0),
            ("石桥镇", 2023, 1, 30_000_000, 3000.0),
        ],
    ),
    "enterprise_investments": (
        {"enterprise": "青禾食品"},
        ("enterprise", "target", "target_label", "located_in", "amount_yuan", "year", "reported_by"),
        [("青禾食品有限公司", "青禾食品加工园项目", "Project", "杏花村", 80_000_000, 2022, "柳溪街道")],
    ),
    "projects_by_status": (
        {"status": "", "year": "2023", "place": "柳溪街道"},
        ("place", "project", "status", "year", "report"),
        [
            ("柳溪街道", "老旧小区改造项目", "completed", 2023, R2),
            ("柳溪街道", "柳溪污水管网改造工程", "ongoing", 2023, R2),
            ("柳溪街道", "柳溪污水管网工程", "planned", 2023, R1),
            ("柳溪街道", "老旧小区改造项目", "planned", 2023, R1),
        ],
    ),
    "project_status_counts": (
        {},
        ("place", "year", "completed", "ongoing", "planned", "projects"),
        [("柳溪街道", 2022, 1, 0, 0, 1), ("柳溪街道", 2023, 1, 1, 2, 3), ("柳溪街道", 2024, 0, 0, 1, 1)],
    ),
    "initiatives_by_place": (
        {"place": None},
        ("place", "place_label", "initiative", "status", "year"),
        [
            ("孤山村", "Village", "人居环境整治", "ongoing", 2023),
            ("杏花村", "Village", "人居环境整治", "ongoing", 2023),
            ("柳溪街道", "Subdistrict", "智慧社区平台建设", "planned", 2023),
            ("石桥镇", "Subdistrict", "垃圾分类", "ongoing", 2023),
            ("石桥镇", "Subdistrict", "垃圾分类", "planned", 2024),
        ],
    ),
    "planned_for_year": (
        {"place": "柳溪街道", "year": "2023"},
        ("place", "plan_year", "relation", "actor", "planned", "label", "report"),
        [
            ("柳溪街道", 2023, "CARRIES_OUT", "柳溪街道", "智慧社区平台建设", "Initiative", R1),
            ("柳溪街道", 2023, "CARRIES_OUT", "柳溪街道", "柳溪污水管网工程", "Project", R1),
            ("柳溪街道", 2023, "CARRIES_OUT", "柳溪街道", "老旧小区改造项目", "Project", R1),
            ("柳溪街道", 2023, "INTRODUCED", "柳溪街道", "远航物流有限公司", "Enterprise", R1),
        ],
    ),
    "plan_versus_outcome": (
        {"place": "柳溪街道"},
        ("plan_year", "type", "planned", "outcome", "outcome_report_id", "matched", "similarity"),
        [
            (2023, "CARRIES_OUT", "智慧社区平台建设", "not_reported", "@" + R2, None, 0.0),
            (2023, "CARRIES_OUT", "柳溪污水管网工程", "ongoing", "@" + R2, "柳溪污水管网改造工程", 0.75),
            (2023, "CARRIES_OUT", "老旧小区改造项目", "done", "@" + R2, "老旧小区改造项目", 1.0),
            (2023, "INTRODUCED", "远航物流有限公司", "done", "@" + R2, "远航物流有限公司", 1.0),
            (2024, "CARRIES_OUT", "柳溪文体中心", "planned", None, None, 0.0),
        ],
    ),
    "indicator_values": (
        {"indicator": "生产总值", "place": ""},
        ("indicator", "place", "year", "value", "unit", "value_normalised", "base_unit", "kind"),
        [
            ("地区生产总值", "柳溪街道", 2022, 12.5, "亿元", 1.25e9, "yuan", "actual"),
            ("地区生产总值", "柳溪街道", 2023, 13.8, "亿元", 1.38e9, "yuan", "actual"),
            ("地区生产总值", "石桥镇", 2023, 9.6, "亿元", 9.6e8, "yuan", "actual"),
        ],
    ),
    "indicator_comparison": (
        {"indicator": "地区生产总值", "year": "2023"},
        ("place", "value_normalised", "base_unit", "rank"),
        [("柳溪街道", 1.38e9, "yuan", 1), ("石桥镇", 9.6e8, "yuan", 2)],
    ),
    "indicator_trend": (
        {"place": "柳溪街道", "indicator": "地区生产总值"},
        ("year", "value_normalised", "base_unit", "change", "change_ratio"),
        [(2022, 1.25e9, "yuan", None, None), (2023, 1.38e9, "yuan", 1.3e8, 0.104)],
    ),
    "people_and_roles": (
        {"name": ""},
        ("person", "role", "relation", "direction", "other", "year", "reports"),
        [
            ("李秀英", "滨河社区主任", "LOCATED_IN", "out", "滨河社区", None, 1),
            ("王建国", "杏花村党支部书记", "AWARDED", "out", "全省优秀共产党员", 2023, 1),
            ("王建国", "杏花村党支部书记", "LOCATED_IN", "out", "杏花村", None, 1),
            ("陈明", None, None, None, None, None, 0),
        ],
    ),
    "reports_by_place_year": (
        {"place": "", "year": 2024},  # a year a report covers besides its main one
        ("place", "year", "years", "title", "kind", "period", "entities"),
        [
            ("柳溪街道", 2023, [2023, 2024], R2, "工作总结及工作计划", "annual", 14),
            ("石桥镇", 2023, [2023, 2024], R3, "工作总结及工作计划", "annual", 13),
        ],
    ),
    "shared_entities": (
        {"min_reports": "2"},
        ("entity", "label", "reports"),
        [
            ("地区生产总值", "Indicator", 3),
            ("临江市", "City", 2),
            ("东湖区", "District", 2),
            ("远航物流有限公司", "Enterprise", 2),
            ("市级卫生村", "Honour", 2),
            ("老旧小区改造项目", "Project", 2),
            ("柳溪街道", "Subdistrict", 2),
            ("杏花村", "Village", 2),
            ("桃园村", "Village", 2),
        ],
    ),
    "report_fact_counts": (
        {"report": R3},
        ("relation", "facts"),
        [
            ("AWARDED", 2),
            ("CARRIES_OUT", 3),
            ("INTRODUCED", 1),
            ("LOCATED_IN", 2),
            ("MENTIONS", 13),
            ("PART_OF", 4),
            ("REPORTED", 2),
        ],
    ),
    "entity_neighbourhood": (
        {"entity": "王建国", "depth": "2"},
        ("neighbour", "label", "hops", "relations"),
        [
            ("全省优秀共产党员", "Honour", 1, ["AWARDED"]),
            ("杏花村", "Village", 1, ["LOCATED_IN"]),
            ("全国文明村", "Honour", 2, ["LOCATED_IN", "AWARDED"]),
            ("市级卫生村", "Honour", 2, ["LOCATED_IN", "AWARDED"]),
            ("人居环境整治", "Initiative", 2, ["LOCATED_IN", "CARRIES_OUT"]),
            ("青禾食品加工园项目", "Project", 2, ["LOCATED_IN"]),
            ("柳溪街道", "Subdistrict", 2, ["LOCATED_IN", "PART_OF"]),
        ],
    ),
    "shortest_path": (
        {"source": "王建国", "target": "青川省"},
        ("hops", "names", "relations"),
        [
            (
                5,
                ["王建国", "杏花村", "柳溪街道", "东湖区", "临江市", "青川省"],
                ["LOCATED_IN", "PART_OF", "PART_OF", "PART_OF", "PART_OF"],
            )
        ],
    ),
    "entity_facts": (
        {"entity": "青禾食品"},
        ("entity", "relation", "direction", "other", "year", "section_kind", "report"),
        [
            ("青禾食品有限公司", "INTRODUCED", "in", "柳溪街道", 2022, "review", R1),
            ("青禾食品有限公司", "INVESTS_IN", "out", "青禾食品加工园项目", 2022, "review", R1),
        ],
    ),
    "orphan_nodes": ({}, ("label", "name"), [("Person", "陈明")]),
    "entities_without_mentions": (
        {},
        ("label", "name", "facts"),
        [("Person", "陈明", 0), ("Village", "孤山村", 1)],
    ),
    "entities_without_facts": ({}, ("label", "name", "reports"), [("Organization", "东湖区农业农村局", 1)]),
    "relations_without_evidence": (
        {},
        ("relation", "source", "target", "report"),
        [("CARRIES_OUT", "孤山村", "人居环境整治", R3)],
    ),
    "places_without_parent": ({}, ("label", "name"), [("Village", "孤山村")]),
    "relations_with_unknown_report": ({}, ("relation",), []),
}

# Further cases where one query's parameters change the answer in a way worth pinning.
MORE: list[tuple[str, dict[str, Any], tuple[str, ...], list[tuple[Any, ...]]]] = [
    (
        "village_honours",
        {"level": "city"},
        ("village", "honour"),
        [("杏花村", "市级卫生村"), ("枫林村", "市级卫生村")],
    ),
    (
        "place_honours",
        {"level": "", "label": "Community"},
        ("place", "honour"),
        [("滨河社区", "区级平安社区")],
    ),
    (
        "projects_by_status",
        {"status": "completed", "year": 2022, "place": None},
        ("project",),
        [("青禾食品加工园项目",)],
    ),
    (
        "planned_for_year",
        {"place": "石桥镇", "year": 2024},
        ("planned", "label"),
        [("垃圾分类", "Initiative")],
    ),
    (
        "entity_neighbourhood",
        {"entity": "孤山村", "depth": None},
        ("neighbour", "hops"),
        [("人居环境整治", 1)],
    ),
    ("shortest_path", {"source": "王建国", "target": "陈明"}, ("hops",), []),
    ("shared_entities", {"min_reports": 3}, ("entity",), [("地区生产总值",)]),
    (
        "indicator_values",
        {"indicator": "", "place": "石桥镇"},
        ("indicator", "base_unit"),
        [("地区生产总值", "yuan"), ("粮食种植面积", "mu")],
    ),
    (
        "people_and_roles",
        {"name": "王"},
        ("person", "relation"),
        [("王建国", "AWARDED"), ("王建国", "LOCATED_IN")],
    ),
]


@pytest.fixture(scope="module")
def loaded(neo4j_uri: str) -> Iterator[GraphStore]:
    """The fixture graph saved once through the real Neo4jStore."""
    from graph.store.neo4j_store import Neo4jStore

    store = Neo4jStore(
        neo4j_uri,
        user=os.environ.get("NEO4J_USER", "neo4j"),
        password=os.environ.get("NEO4J_PASSWORD", ""),
        database=os.environ.get("NEO4J_DATABASE", "neo4j"),
    )
    store.clear()
    store.save(fixture_graph())
    try:
        yield store
    finally:
        store.clear()
        store.close()


def run(store: Any, name: str, params: dict[str, Any], columns: tuple[str, ...]) -> list[tuple[Any, ...]]:
    """Run a library query with every declared parameter (None when not given), keep some columns."""
    query = library()[name]
    sent = {p: params.get(p) for p in query.params}
    result = store.run_read(query.text, sent)
    assert not result.truncated
    missing = set(columns) - set(result.columns)
    assert not missing, f"{name}: no columns {missing} in {result.columns}"
    rows = [
        row if isinstance(row, dict) else dict(zip(result.columns, row, strict=True)) for row in result.rows
    ]
    return [tuple(row[c] for c in columns) for row in rows]


def resolve(expected: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """'@title' stands for that report's id."""
    known = ids()
    return [
        tuple(known[v[1:]] if isinstance(v, str) and v.startswith("@") else v for v in row)
        for row in expected
    ]


def test_every_library_query_has_an_expected_answer() -> None:
    assert set(EXPECTED) == set(library())


@pytest.mark.neo4j
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_query_answers(loaded: GraphStore, name: str) -> None:
    params, columns, expected = EXPECTED[name]
    assert run(loaded, name, params, columns) == resolve(expected)


@pytest.mark.neo4j
@pytest.mark.parametrize(("name", "params", "columns", "expected"), MORE, ids=[m[0] for m in MORE])
def test_query_parameters_narrow_the_answer(
    loaded: GraphStore,
    name: str,
    params: dict[str, Any],
    columns: tuple[str, ...],
    expected: list[tuple[Any, ...]],
) -> None:
    assert run(loaded, name, params, columns) == expected
