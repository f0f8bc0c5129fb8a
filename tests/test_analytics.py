"""Graph analytics on the fixture, and their write-back through both stores."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.analytics import analyze, entity_graph
from graph.model import Entity, Graph, Relation, Report
from graph.store.base import GraphStore

FIXTURE = Path(__file__).resolve().parent / "data" / "query_graph.json"
MEASURES = {"degree", "pagerank", "community", "component"}


def fixture_graph() -> Graph:
    return Graph.from_dict(json.loads(FIXTURE.read_text(encoding="utf-8")))


def by_name(graph: Graph) -> dict[str, str]:
    return {e.name: e.id for e in graph.entities.values()}


def test_every_entity_gets_every_measure() -> None:
    graph = fixture_graph()
    result = analyze(graph)
    assert set(result) == set(graph.entities)
    assert all(set(values) == MEASURES for values in result.values())
    assert sum(v["pagerank"] for v in result.values()) == pytest.approx(1.0)


def test_reports_and_mentions_are_left_out() -> None:
    graph = fixture_graph()
    digraph = entity_graph(graph)
    assert set(digraph) == set(graph.entities)
    assert not any(node.startswith("report-") for node in digraph)
    names = by_name(graph)
    result = analyze(graph)
    # 东湖区农业农村局 is only mentioned: no fact joins it to anything.
    assert result[names["东湖区农业农村局"]]["degree"] == 0


def test_degree_counts_distinct_neighbours() -> None:
    graph = fixture_graph()
    names = by_name(graph)
    result = analyze(graph)
    # 柳溪街道: 东湖区, 2 villages, 2 indicators, 2 enterprises, 5 projects, 1 initiative.
    assert result[names["柳溪街道"]]["degree"] == 13
    # 东湖区 is PART_OF 临江市 in two reports and has two sub-districts: still 3 neighbours.
    assert result[names["东湖区"]]["degree"] == 3


def test_components_number_the_largest_first() -> None:
    graph = fixture_graph()
    names = by_name(graph)
    result = analyze(graph)
    assert result[names["柳溪街道"]]["component"] == 0
    assert result[names["孤山村"]]["component"] == 0  # joined through 人居环境整治
    singles = {result[names["东湖区农业农村局"]]["component"], result[names["陈明"]]["component"]}
    assert singles == {1, 2}


def test_communities_are_stable_and_group_close_entities() -> None:
    graph = fixture_graph()
    names = by_name(graph)
    first, second = analyze(graph), analyze(fixture_graph())
    assert first == second
    community = {name: first[eid]["community"] for name, eid in names.items()}
    assert community["柳溪污水管网工程"] == community["柳溪街道"]
    assert community["垃圾分类"] == community["石桥镇"]
    assert community["陈明"] != community["柳溪街道"]


def test_pagerank_favours_what_many_facts_point_at() -> None:
    graph = fixture_graph()
    names = by_name(graph)
    result = analyze(graph)
    assert result[names["市级卫生村"]]["pagerank"] > result[names["全国文明村"]]["pagerank"]
    assert result[names["杏花村"]]["pagerank"] > result[names["陈明"]]["pagerank"]


def test_empty_graph() -> None:
    assert analyze(Graph()) == {}


def test_self_loops_and_dangling_relations_are_ignored() -> None:
    graph = Graph()
    graph.add_report(Report(id="report-x", path="x.txt"))
    a = graph.add_entity(Entity("village-a", "Village", "甲村"))
    graph.add_relation(Relation("PART_OF", a.id, a.id, "report-x"))
    graph.add_relation(Relation("LOCATED_IN", a.id, "village-missing", "report-x"))
    assert analyze(graph) == {
        a.id: {"degree": 0, "pagerank": pytest.approx(1.0), "community": 0, "component": 0}
    }


def test_measures_are_written_back_and_read_from_both_stores(store: GraphStore) -> None:
    store.save(fixture_graph())
    result = analyze(store.load())
    assert store.set_properties(result) == len(result)
    for entity_id, measures in result.items():
        entity = store.entity(entity_id)
        assert entity is not None
        assert entity.properties["degree"] == measures["degree"]
        assert entity.properties["community"] == measures["community"]
        assert entity.properties["component"] == measures["component"]
        assert entity.properties["pagerank"] == pytest.approx(measures["pagerank"])
    reloaded = store.load()
    honour = by_name(reloaded)["全国文明村"]
    assert reloaded.entities[honour].properties["level"] == "national"  # own properties kept
    assert reloaded.entities[honour].properties["degree"] == 1
    assert _same_measures(analyze(reloaded), result)


def _same_measures(left: dict[str, dict[str, float]], right: dict[str, dict[str, float]]) -> bool:
    """Measures do not depend on the measures already written (they are node properties, not facts)."""
    return left.keys() == right.keys() and all(
        left[k]["pagerank"] == pytest.approx(right[k]["pagerank"])
        and {m: left[k][m] for m in MEASURES - {"pagerank"}}
        == {m: right[k][m] for m in MEASURES - {"pagerank"}}
        for k in left
    )
