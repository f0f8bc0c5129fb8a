"""The model's ids and serialisation are the contract between extractor, stores and tools."""

import pytest

from graph.model import Entity, Evidence, Graph, Relation, Report, entity_id, report_id


def test_entity_id_is_stable_and_scoped():
    assert entity_id("Village", "许家村") == entity_id("Village", "“许家村”")
    assert entity_id("Village", "许家村", "sub-a") != entity_id("Village", "许家村", "sub-b")
    assert entity_id("Village", "许家村") != entity_id("Community", "许家村")
    assert entity_id("Enterprise", "青禾（湖南）农业有限公司") == entity_id(
        "Enterprise", "青禾(湖南)农业有限公司"
    )


def test_unknown_label_and_type_are_refused():
    with pytest.raises(ValueError):
        entity_id("Town", "x")
    with pytest.raises(ValueError):
        Entity("x", "Town", "x")
    with pytest.raises(ValueError):
        Relation("OWNS", "a", "b", "r")


def test_report_id_is_content_hash():
    assert report_id("甲") == report_id("甲")
    assert report_id("甲") != report_id("乙")


def test_relation_id_separates_years_but_not_evidence():
    ev = Evidence("r1", "一、", "review", "句子。", 0, 3)
    a = Relation("REPORTED", "p", "i", "r1", {"year": 2022, "value": 1.0}, [ev])
    b = Relation("REPORTED", "p", "i", "r1", {"year": 2023, "value": 1.0})
    c = Relation("REPORTED", "p", "i", "r1", {"year": 2022, "value": 1.0, "section_kind": "plan"})
    assert a.id != b.id
    assert a.id == c.id


def test_graph_round_trip_and_merge():
    g = Graph()
    rep = Report(
        report_id("text"),
        "a.txt",
        title="t",
        year=2023,
        years=[2023],
        text="text",
        sections=[{"id": 0, "heading": "一、", "kind": "review"}],
    )
    g.add_report(rep)
    g.add_entity(Entity("e1", "Subdistrict", "青石街道", properties={"level": None}))
    g.add_entity(Entity("e1", "Subdistrict", "青石街", aliases=["青石"], properties={"level": "x"}))
    ev = Evidence(rep.id, "一、", "review", "text", 0, 4, ((0, 2),))
    g.add_relation(Relation("MENTIONS", rep.id, "e1", rep.id, evidence=[ev]))
    g.add_relation(Relation("MENTIONS", rep.id, "e1", rep.id, evidence=[ev]))
    assert g.entities["e1"].aliases == ["青石街", "青石"]
    assert g.entities["e1"].properties["level"] == "x"
    assert len(g.relations) == 1 and len(next(iter(g.relations.values())).evidence) == 1
    again = Graph.from_dict(g.to_dict())
    assert again.to_dict() == g.to_dict()
    assert next(iter(again.relations.values())).evidence[0].marks == ((0, 2),)
