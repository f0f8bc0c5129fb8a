"""delete-report leaves the store a clean build without that report would give: names and
aliases included (campaign point 7), on both stores."""

from __future__ import annotations

from graph.model import Entity, Graph, report_id
from graph.resolve import resolve, split_by_report
from graph.store.base import GraphStore
from tests.test_store import (
    BAISHA,
    HONOUR,
    QINGHE,
    QINGHE_TEXT,
    YUANSHAN,
    as_sets,
    baisha_graph,
    ent,
    evidence,
    fact,
    mentions_only,
    qinghe_graph,
)

LAKE_TEXT = "一、工作回顾\n湖滨镇引进远山材料（湖南）公司，获评全省美丽乡村示范村。\n"


def _renamed(graph: Graph, entity: Entity, name: str, aliases: list[str], **props: object) -> None:
    """The report names an entity it shares with others its own way (same id: the names fold alike)."""
    held = graph.entities[entity.id]
    held.name, held.aliases, held.properties = name, aliases, {**held.properties, **props}


def first_report() -> Graph:
    """青禾: names the shared enterprise first, with a display name and alias only it uses."""
    graph = qinghe_graph()
    _renamed(graph, YUANSHAN, "湖南远山新型材料科技有限公司（青禾）", ["远山材料", "远山新材"], founded=2016)
    _renamed(graph, HONOUR, "全省美丽乡村 示范村", [], level="provincial", since=2019)
    return graph


def second_report() -> Graph:
    graph = baisha_graph()
    _renamed(graph, YUANSHAN, "湖南远山新型材料科技有限公司", ["远山公司"], industry="新材料")
    return graph


def third_report() -> Graph:
    lake = ent("Subdistrict", "湖滨镇")
    graph = mentions_only("reports/lake-2023.txt", LAKE_TEXT, "湖滨镇", [lake, YUANSHAN, HONOUR])
    rid = next(iter(graph.reports))
    _renamed(graph, YUANSHAN, "远山材料(湖南)公司", ["远山公司"], industry="材料")
    sentence = "湖滨镇引进远山材料（湖南）公司，获评全省美丽乡村示范村。"
    graph.add_relation(fact("AWARDED", lake, HONOUR, rid, evidence(rid, LAKE_TEXT, sentence, "湖滨镇")))
    graph.add_relation(fact("INTRODUCED", lake, YUANSHAN, rid, evidence(rid, LAKE_TEXT, sentence, "远山材料")))
    return graph


def _rebuilt(store: GraphStore, parts: list[Graph]) -> tuple[dict, dict, dict]:
    store.clear()
    for _, outcome in store.save_each(parts):
        assert not isinstance(outcome, Exception), outcome
    return as_sets(store.load())


def test_delete_report_equals_a_clean_build_without_it_names_and_aliases_included(store: GraphStore) -> None:
    parts = [first_report(), second_report(), third_report()]
    for _, outcome in store.save_each(parts):
        assert not isinstance(outcome, Exception), outcome
    held = store.entity(YUANSHAN.id)
    assert held is not None and held.name == "湖南远山新型材料科技有限公司（青禾）"
    assert store.delete_report(report_id(parts[0].reports[next(iter(parts[0].reports))].text)) is True
    after = as_sets(store.load())
    enterprise = after[1][YUANSHAN.id]
    assert enterprise["name"] == "湖南远山新型材料科技有限公司"  # the first remaining report's name
    assert enterprise["aliases"] == ["远山公司", "远山材料(湖南)公司"]  # 远山材料, 远山新材 and （青禾） gone
    assert enterprise["properties"] == {"industry": "新材料"}  # founded=2016 came only from the deleted one
    assert after[1][HONOUR.id]["name"] == "全省美丽乡村示范村" and "since" not in after[1][HONOUR.id]["properties"]
    assert after == _rebuilt(store, [second_report(), third_report()])


def test_deleting_the_middle_report_keeps_the_order_of_the_others(store: GraphStore) -> None:
    parts = [first_report(), second_report(), third_report()]
    for part in parts:
        store.save(part)
    store.delete_report(next(iter(parts[1].reports)))
    after = as_sets(store.load())
    assert after[1][YUANSHAN.id]["aliases"] == ["远山材料", "远山新材", "远山材料(湖南)公司", "远山公司"]
    assert after == _rebuilt(store, [first_report(), third_report()])


def test_computed_properties_survive_a_delete(store: GraphStore) -> None:
    """pagerank and community come from `govkg analyze`, not from a report: a delete keeps them."""
    parts = [first_report(), second_report(), third_report()]
    for part in parts:
        store.save(part)
    store.set_properties({YUANSHAN.id: {"pagerank": 0.125, "community": 4}})
    store.delete_report(next(iter(parts[0].reports)))
    held = store.entity(YUANSHAN.id)
    assert held is not None
    assert held.properties == {"industry": "新材料", "pagerank": 0.125, "community": 4}


def test_a_replaced_report_takes_its_old_names_away(store: GraphStore) -> None:
    """A new version of a report under the same path replaces the old one's names too."""
    store.save(second_report())
    store.save(first_report())
    changed = qinghe_graph(QINGHE_TEXT.replace("短板", "明显短板"))
    _renamed(changed, YUANSHAN, "湖南远山新型材料科技有限公司", ["远山材料"], founded=2016)
    assert store.save(changed).replaced == list(changed.reports)
    enterprise = store.entity(YUANSHAN.id)
    assert enterprise is not None
    assert enterprise.name == "湖南远山新型材料科技有限公司"
    assert enterprise.aliases == ["远山公司", "远山材料"]  # 远山新材 and （青禾） went with the old version
    assert enterprise.properties == {"industry": "新材料", "founded": 2016}


def _fragment(graph: Graph) -> Graph:
    """An extractor's fragment: one report, its entities as it named them, its facts."""
    return Graph(reports=dict(graph.reports), entities=dict(graph.entities), relations=dict(graph.relations))


def test_a_build_then_delete_report_equals_a_build_without_it(store: GraphStore) -> None:
    """Through resolve and split_by_report, as `govkg build` saves: each part carries its own
    report's version of a shared entity, so the store can take the deleted report's names away."""
    fragments = [_fragment(first_report()), _fragment(second_report()), _fragment(third_report())]
    for _, outcome in store.save_each(split_by_report(resolve(fragments))):
        assert not isinstance(outcome, Exception), outcome
    before = as_sets(store.load())
    assert before[1][YUANSHAN.id]["aliases"] == ["远山材料", "远山新材", "湖南远山新型材料科技有限公司", "远山公司",
                                                "远山材料(湖南)公司"]
    store.delete_report(next(iter(fragments[0].reports)))
    after = as_sets(store.load())
    clean = _rebuilt(store, split_by_report(resolve([_fragment(second_report()), _fragment(third_report())])))
    assert after == clean
    assert after[1][YUANSHAN.id]["name"] == "湖南远山新型材料科技有限公司"
    assert QINGHE.id not in after[1] and BAISHA.id in after[1]
