"""The same behaviour from both stores: every test runs on the embedded store and on Neo4j."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from graph.model import Entity, Evidence, Graph, Relation, Report, entity_id, report_id
from graph.store.base import GraphStore, SearchHit
from graph.store.embedded import EmbeddedStore
from graph.store.ranking import match_score, rank_hits

# --- fictional reports ------------------------------------------------------------------

QINGHE_TEXT = (
    "一、2023年工作回顾\n"
    "石岭村获评全省美丽乡村示范村。全年引进湖南远山新型材料科技有限公司，投资5亿元。"
    "地区生产总值达到12.5亿元，同比增长6.2%。\n"
    "二、存在问题\n基础设施仍有短板。\n"
)
BAISHA_TEXT = "一、工作回顾\n白沙镇获评全省美丽乡村示范村。远山材料新厂项目开工建设。\n"


def ent(label: str, name: str, scope: str = "", aliases: list[str] | None = None, **props: object) -> Entity:
    return Entity(entity_id(label, name, scope), label, name, aliases or [], dict(props))


QINGHE = ent("Subdistrict", "青禾街道", aliases=["青禾"])
SHILING = ent("Village", "石岭村", QINGHE.id)
HONOUR = ent("Honour", "全省美丽乡村示范村", level="provincial")
YUANSHAN = ent("Enterprise", "湖南远山新型材料科技有限公司", aliases=["远山材料"])
GDP = ent("Indicator", "地区生产总值")
BAISHA = ent("Subdistrict", "白沙镇")
PROJECT = ent("Project", "远山材料新厂项目", BAISHA.id)


def evidence(rid: str, text: str, sentence: str, *mentions: str, kind: str = "review") -> Evidence:
    start = text.index(sentence)
    marks = tuple((text.index(m, start), text.index(m, start) + len(m)) for m in mentions)
    return Evidence(rid, "一、工作回顾", kind, sentence, start, start + len(sentence), marks)


def fact(rtype: str, a: Entity, b: Entity, rid: str, ev: Evidence, **props: object) -> Relation:
    return Relation(rtype, a.id, b.id, rid, {"section_kind": "review", **props}, [ev])


def qinghe_graph(text: str = QINGHE_TEXT) -> Graph:
    rid = report_id(text)
    report = Report(
        id=rid,
        path="reports/qinghe-2023.txt",
        title="青禾街道2023年工作总结",
        place="青禾街道",
        place_id=QINGHE.id,
        year=2023,
        years=[2023],
        period="annual",
        kind="工作总结",
        text=text,
        sections=[
            {"heading": "一、2023年工作回顾", "kind": "review", "start": 0, "end": 80},
            {"heading": "二、存在问题", "kind": "problem", "start": 80, "end": len(text)},
        ],
    )
    honour_ev = evidence(rid, text, "石岭村获评全省美丽乡村示范村。", "石岭村", "全省美丽乡村示范村")
    invest_ev = evidence(rid, text, "全年引进湖南远山新型材料科技有限公司，投资5亿元。", "湖南远山新型材料科技有限公司")
    gdp_ev = evidence(rid, text, "地区生产总值达到12.5亿元，同比增长6.2%。", "地区生产总值")
    graph = Graph(reports={rid: report})
    for e in (QINGHE, SHILING, HONOUR, YUANSHAN, GDP):
        graph.add_entity(Entity.from_dict(e.to_dict()))
        graph.add_relation(Relation("MENTIONS", rid, e.id, rid, {"section_kind": "review"}))
    graph.add_relation(fact("PART_OF", SHILING, QINGHE, rid, honour_ev, inferred=True))
    graph.add_relation(fact("AWARDED", SHILING, HONOUR, rid, honour_ev, year=2023))
    graph.add_relation(
        fact("INTRODUCED", QINGHE, YUANSHAN, rid, invest_ev, amount_yuan=500_000_000, amount_text="5亿元", year=2023)
    )
    graph.add_relation(
        fact(
            "REPORTED", QINGHE, GDP, rid, gdp_ev,
            value=12.5, unit="亿元", value_normalised=1.25e9, base_unit="yuan", year=2023, comparison="同比增长",
        )
    )
    return graph


def baisha_graph() -> Graph:
    rid = report_id(BAISHA_TEXT)
    report = Report(
        id=rid, path="reports/baisha-2022.txt", title="白沙镇2022年工作总结", place="白沙镇",
        place_id=BAISHA.id, year=2022, years=[2022], period="annual", kind="工作总结", text=BAISHA_TEXT,
        sections=[{"heading": "一、工作回顾", "kind": "review", "start": 0, "end": len(BAISHA_TEXT)}],
    )
    graph = Graph(reports={rid: report})
    for e in (BAISHA, HONOUR, PROJECT, YUANSHAN):
        graph.add_entity(Entity.from_dict(e.to_dict()))
        graph.add_relation(Relation("MENTIONS", rid, e.id, rid, {"section_kind": "review"}))
    honour_ev = evidence(rid, BAISHA_TEXT, "白沙镇获评全省美丽乡村示范村。", "白沙镇")
    project_ev = evidence(rid, BAISHA_TEXT, "远山材料新厂项目开工建设。", "远山材料新厂项目")
    graph.add_relation(fact("AWARDED", BAISHA, HONOUR, rid, honour_ev, year=2022))
    graph.add_relation(fact("CARRIES_OUT", BAISHA, PROJECT, rid, project_ev, status="ongoing", year=2022))
    graph.add_relation(fact("INVESTS_IN", YUANSHAN, PROJECT, rid, project_ev))
    return graph


def mentions_only(path: str, text: str, place: str, entities: list[Entity]) -> Graph:
    """A report that only names entities (no facts)."""
    rid = report_id(text)
    graph = Graph(reports={rid: Report(id=rid, path=path, title=place, place=place, text=text)})
    for e in entities:
        graph.add_entity(Entity.from_dict(e.to_dict()))
        graph.add_relation(Relation("MENTIONS", rid, e.id, rid, {"section_kind": "other"}))
    return graph


def both() -> Graph:
    graph = qinghe_graph()
    graph.extend(baisha_graph())
    return graph


def as_sets(graph: Graph) -> tuple[dict, dict, dict]:
    return (
        {k: v.to_dict() for k, v in graph.reports.items()},
        {k: v.to_dict() for k, v in graph.entities.items()},
        {k: v.to_dict() for k, v in graph.relations.items()},
    )


# --- writing ------------------------------------------------------------------------------


def test_round_trip_keeps_reports_entities_relations_and_evidence(store: GraphStore) -> None:
    original = both()
    summary = store.save(original)
    assert sorted(summary.written) == sorted(original.reports)
    assert summary.relations == len(original.relations)
    loaded = store.load()
    reports, entities, relations = as_sets(loaded)
    want_reports, want_entities, want_relations = as_sets(original)
    assert reports == want_reports
    assert entities == want_entities
    assert relations == want_relations
    awarded = next(r for r in loaded.relations.values() if r.type == "AWARDED" and r.source == SHILING.id)
    assert awarded.evidence[0].marks == ((QINGHE_TEXT.index("石岭村"), QINGHE_TEXT.index("石岭村") + 3),
                                         (QINGHE_TEXT.index("全省"), QINGHE_TEXT.index("全省") + 9))


def test_reloading_the_same_report_changes_nothing(store: GraphStore) -> None:
    store.save(both())
    before = store.stats()
    again = store.save(both())
    assert sorted(again.unchanged) == sorted(both().reports)
    assert again.written == [] and again.replaced == [] and again.relations == 0
    assert store.stats() == before
    assert as_sets(store.load()) == as_sets(both())


def test_reload_creates_no_duplicate_nodes_or_relationships_in_neo4j(neo4j_store: GraphStore) -> None:
    neo4j_store.save(both())
    neo4j_store.save(both())
    counts = neo4j_store.run_read(
        "MATCH (n) WITH count(n) AS nodes, count(DISTINCT n.id) AS ids "
        "MATCH ()-[r]->() RETURN nodes, ids, count(r) AS rels, count(DISTINCT r.id) AS rel_ids"
    ).rows[0]
    graph = both()
    assert counts == [
        len(graph.entities) + len(graph.reports),
        len(graph.entities) + len(graph.reports),
        len(graph.relations),
        len(graph.relations),
    ]


def test_a_changed_report_replaces_its_facts_and_leaves_others_alone(store: GraphStore) -> None:
    store.save(both())
    baisha_before = store.report_relations(report_id(BAISHA_TEXT))
    changed_text = QINGHE_TEXT.replace("基础设施仍有短板", "基础设施短板明显")
    changed = qinghe_graph(changed_text)
    # the new version no longer mentions the GDP indicator or the village
    for rid, rel in list(changed.relations.items()):
        if GDP.id in (rel.source, rel.target) or SHILING.id in (rel.source, rel.target):
            del changed.relations[rid]
    del changed.entities[GDP.id], changed.entities[SHILING.id]
    summary = store.save(changed)
    new_id = report_id(changed_text)
    assert summary.replaced == [new_id]
    assert store.report(report_id(QINGHE_TEXT)) is None
    assert store.report(new_id).text == changed_text
    assert store.report_relations(report_id(QINGHE_TEXT)) == []
    assert store.entity(GDP.id) is None and store.entity(SHILING.id) is None
    assert store.entity(QINGHE.id) is not None
    assert store.report_relations(report_id(BAISHA_TEXT)) == baisha_before
    assert [r.path for r in store.reports()].count("reports/qinghe-2023.txt") == 1


def test_delete_report_removes_orphans_and_keeps_shared_entities(store: GraphStore) -> None:
    store.save(both())
    assert store.delete_report(report_id(QINGHE_TEXT)) is True
    assert store.delete_report(report_id(QINGHE_TEXT)) is False
    for gone in (QINGHE, SHILING, GDP):
        assert store.entity(gone.id) is None
    for kept in (HONOUR, YUANSHAN, BAISHA, PROJECT):
        assert store.entity(kept.id) is not None
    stats = store.stats()
    assert stats["reports"] == 1
    assert stats["relations"] == len(baisha_graph().relations)
    assert store.entity_relations(HONOUR.id) == sorted(
        [r for r in store.report_relations(report_id(BAISHA_TEXT)) if HONOUR.id in (r.source, r.target)],
        key=lambda r: (r.type, r.report_id, r.id),
    )


def test_entities_named_by_two_reports_merge_aliases(store: GraphStore) -> None:
    store.save(qinghe_graph())
    other = baisha_graph()
    other.entities[YUANSHAN.id].aliases = ["远山公司"]
    other.entities[YUANSHAN.id].properties = {"industry": "新材料"}
    store.save(other)
    held = store.entity(YUANSHAN.id)
    assert held.aliases == ["远山材料", "远山公司"]
    assert held.properties == {"industry": "新材料"}


def test_relations_to_unknown_nodes_are_refused(store: GraphStore) -> None:
    graph = qinghe_graph()
    del graph.entities[GDP.id]
    ghost = ent("Indicator", "不存在的指标")
    rid = next(iter(graph.reports))
    graph.add_relation(Relation("REPORTED", QINGHE.id, ghost.id, rid, {"section_kind": "review", "year": 2023}))
    with pytest.raises(ValueError, match="unknown node"):
        store.save(graph)
    assert store.stats()["reports"] == 0


def lakeside_graph() -> Graph:
    """A report sharing no entity with the others (so Neo4j may write it alongside them)."""
    text = "一、工作回顾\n湖畔社区获评市级文明社区。\n"
    lakeside, honour = ent("Community", "湖畔社区"), ent("Honour", "市级文明社区", level="city")
    graph = mentions_only("reports/lakeside-2023.txt", text, "湖畔社区", [lakeside, honour])
    rid = next(iter(graph.reports))
    graph.add_relation(fact("AWARDED", lakeside, honour, rid, evidence(rid, text, "湖畔社区获评市级文明社区。", "湖畔社区")))
    return graph


def test_save_each_stores_what_saving_one_by_one_stores(store: GraphStore, tmp_path: Path) -> None:
    changed = qinghe_graph(QINGHE_TEXT.replace("短板", "明显短板"))
    parts = [qinghe_graph(), baisha_graph(), lakeside_graph(), changed, qinghe_graph(QINGHE_TEXT)]
    outcomes = list(store.save_each(parts))
    assert [part for part, _ in outcomes] == parts
    kinds = [next(k for k in ("written", "replaced", "unchanged") if getattr(s, k)) for _, s in outcomes]
    assert kinds == ["written", "written", "written", "replaced", "replaced"]
    reference = EmbeddedStore(tmp_path / "one-by-one")
    for part in parts:
        reference.save(part)
    assert as_sets(store.load()) == as_sets(reference.load())


def shared_entity_graph(n: int) -> Graph:
    """Report n of a series: its own village, and 青禾街道 under another alias with a property
    only some reports give (the first to give it must win, as saving one by one does)."""
    text = f"一、工作回顾\n第{n}号报告：青禾街道{n}号村推进人居环境整治。\n"
    town = Entity(QINGHE.id, "Subdistrict", "青禾街道", [f"青禾{n}"], {"rank": n} if n % 3 == 2 else {})
    village = ent("Village", f"{n}号村", QINGHE.id)
    graph = mentions_only(f"reports/series-{n:02d}.txt", text, "青禾街道", [town, village])
    rid = next(iter(graph.reports))
    graph.add_relation(fact("PART_OF", village, town, rid, evidence(rid, text, text.split("\n")[1], f"{n}号村")))
    return graph


def test_save_each_merges_shared_entities_in_report_order(store: GraphStore, tmp_path: Path) -> None:
    """Neo4j writes two reports at once; an entity they share is still merged in report order."""
    parts = [shared_entity_graph(n) for n in range(12)]
    assert all(not isinstance(outcome, Exception) for _, outcome in store.save_each(parts))
    reference = EmbeddedStore(tmp_path / "one-by-one")
    for part in parts:
        reference.save(part)
    assert as_sets(store.load()) == as_sets(reference.load())
    town = store.entity(QINGHE.id)
    assert town is not None and town.aliases == [f"青禾{n}" for n in range(12)] and town.properties == {"rank": 2}


def test_save_each_goes_on_after_a_failing_part(store: GraphStore) -> None:
    bad = baisha_graph()
    ghost = ent("Indicator", "不存在的指标")
    rid = next(iter(bad.reports))
    bad.add_relation(Relation("REPORTED", BAISHA.id, ghost.id, rid, {"section_kind": "review", "year": 2022}))
    outcomes = [outcome for _, outcome in store.save_each([qinghe_graph(), bad, lakeside_graph()])]
    assert isinstance(outcomes[1], ValueError) and "unknown node" in str(outcomes[1])
    assert outcomes[0].written and outcomes[2].written
    assert {r.path for r in store.reports()} == {"reports/qinghe-2023.txt", "reports/lakeside-2023.txt"}


def test_save_each_takes_parts_without_reports(store: GraphStore) -> None:
    outcomes = [outcome for _, outcome in store.save_each([Graph(), lakeside_graph(), Graph()])]
    assert not isinstance(outcomes[0], Exception) and not outcomes[0].written
    assert not isinstance(outcomes[1], Exception) and outcomes[1].written
    assert not isinstance(outcomes[2], Exception) and not outcomes[2].written
    assert {r.path for r in store.reports()} == {"reports/lakeside-2023.txt"}


@pytest.mark.neo4j
def test_a_report_whose_rows_cannot_be_built_fails_alone_in_neo4j(neo4j_store: GraphStore) -> None:
    """A report's rows are built in its writer thread; their error belongs to that report only."""
    broken = baisha_graph()
    rel = next(r for r in broken.relations.values() if r.type == "AWARDED")
    rel.evidence[0] = Evidence(rel.report_id, "一、工作回顾", "review", "白沙镇获评。", 0, 6, ((object(), 1),))  # type: ignore[arg-type]
    outcomes = [outcome for _, outcome in neo4j_store.save_each([qinghe_graph(), broken, lakeside_graph()])]
    assert isinstance(outcomes[1], TypeError)
    assert outcomes[0].written and outcomes[2].written
    assert neo4j_store.stats()["reports"] == 2


@pytest.mark.neo4j
def test_reports_stored_without_fact_sources_are_still_deleted_whole(neo4j_store: GraphStore, neo4j_uri: str) -> None:
    """Databases written before reports listed their fact sources: their facts are found by a scan."""
    import neo4j

    auth = (os.environ.get("NEO4J_USER", "neo4j"), os.environ.get("NEO4J_PASSWORD", ""))
    neo4j_store.save(both())
    qinghe = report_id(QINGHE_TEXT)
    expected = neo4j_store.report_relations(qinghe)
    with neo4j.GraphDatabase.driver(neo4j_uri, auth=auth) as driver:
        driver.execute_query("MATCH (r:Report) REMOVE r.fact_sources")
    assert neo4j_store.report_relations(qinghe) == expected
    assert neo4j_store.delete_report(qinghe) is True
    assert neo4j_store.stats()["relations"] == len(baisha_graph().relations)


def test_set_properties_writes_and_removes_values(store: GraphStore) -> None:
    store.save(both())
    count = store.set_properties({QINGHE.id: {"pagerank": 0.25, "community": 3}, "subdistrict-missing": {"x": 1}})
    assert count == 1
    assert store.entity(QINGHE.id).properties == {"pagerank": 0.25, "community": 3}
    store.set_properties({QINGHE.id: {"pagerank": None}})
    assert store.entity(QINGHE.id).properties == {"community": 3}
    with pytest.raises(ValueError):
        store.set_properties({QINGHE.id: {"name": "别名"}})
    # saving a report that names the entity again keeps the computed properties
    store.set_properties({HONOUR.id: {"community": 7}})
    store.delete_report(report_id(QINGHE_TEXT))
    store.save(qinghe_graph())
    assert store.entity(HONOUR.id).properties == {"level": "provincial", "community": 7}


def test_clear_empties_the_store(store: GraphStore) -> None:
    store.save(both())
    store.clear()
    assert store.stats() == {"reports": 0, "entities": 0, "relations": 0, "labels": {}, "relation_types": {}}


# --- reading ------------------------------------------------------------------------------


def test_stats_count_by_label_and_type(store: GraphStore) -> None:
    store.save(both())
    stats = store.stats()
    assert stats["reports"] == 2
    assert stats["entities"] == 7
    assert stats["relations"] == len(both().relations)
    assert stats["labels"] == {
        "Subdistrict": 2, "Village": 1, "Honour": 1, "Enterprise": 1, "Indicator": 1, "Project": 1,
    }
    assert stats["relation_types"] == {
        "MENTIONS": 9, "PART_OF": 1, "AWARDED": 2, "INTRODUCED": 1, "REPORTED": 1, "CARRIES_OUT": 1, "INVESTS_IN": 1,
    }


def test_overview_aggregates_for_the_charts(store: GraphStore) -> None:
    store.save(both())
    view = store.overview()
    assert view["entities_per_label"]["Subdistrict"] == 2
    assert view["reports_per_year"] == {2023: 1, 2022: 1}
    assert view["reports_per_place"] == {"青禾街道": 1, "白沙镇": 1}
    assert view["honours_per_place"] == [
        {"id": BAISHA.id, "name": "白沙镇", "label": "Subdistrict", "count": 1},
        {"id": SHILING.id, "name": "石岭村", "label": "Village", "count": 1},
    ]
    assert view["investment_per_subdistrict"] == [
        {"id": QINGHE.id, "name": "青禾街道", "year": 2023, "amount_yuan": 500_000_000}
    ]


def test_search_ranks_exact_then_prefix_then_substring_then_alias(store: GraphStore) -> None:
    store.save(both())
    more = [ent("Project", "远山材料", QINGHE.id), ent("Organization", "远山材料研究会"), ent("Person", "新远山材料")]
    store.save(mentions_only("reports/names.txt", "远山材料研究会与新远山材料。", "青禾街道", more))
    hits = store.search("远山材料")
    assert [h.name for h in hits] == [
        "远山材料",  # exact name
        "远山材料研究会",  # prefix, shorter first
        "远山材料新厂项目",
        "新远山材料",  # substring
        "湖南远山新型材料科技有限公司",  # alias only
    ]
    assert hits[0].score > hits[1].score > hits[3].score > hits[4].score
    assert hits[4].aliases == ["远山材料"]


def test_search_by_alias_filters_and_limits(store: GraphStore) -> None:
    store.save(both())
    assert [h.id for h in store.search("青禾")] == [QINGHE.id]
    assert [h.id for h in store.search("美丽乡村", labels=["Honour"])] == [HONOUR.id]
    assert store.search("美丽乡村", labels=["Village"]) == []
    assert len(store.search("镇", limit=1)) == 1
    assert store.search("") == []
    assert store.search("不存在") == []
    assert store.search("远山材料*") == [] and store.search("新厂项目)") == []  # Lucene syntax is plain text
    assert [h.id for h in store.search(" 青禾 ")] == [QINGHE.id]  # spaces are folded away


def test_search_finds_single_characters_and_text_inside_latin_words(store: GraphStore) -> None:
    road = ent("Project", "G106国道青禾段改造工程", QINGHE.id)
    store.save(both())
    store.save(mentions_only("reports/road.txt", "G106国道青禾段改造工程完工。", "青禾街道", [road]))
    assert [h.id for h in store.search("G10")] == [road.id]
    assert [h.id for h in store.search("g106国道")] == [road.id]
    assert [h.id for h in store.search("段")] == [road.id]
    assert {h.id for h in store.search("镇")} == {BAISHA.id}
    assert store.search("()") == []


def test_search_finds_latin_and_single_characters_inside_aliases(store: GraphStore) -> None:
    plant = ent("Enterprise", "青禾北峰新材料有限公司", aliases=["BF-Tech青禾坊"])
    store.save(both())
    store.save(mentions_only("reports/plant.txt", "青禾北峰新材料有限公司投产。", "青禾街道", [plant]))
    assert [h.id for h in store.search("bf-te")] == [plant.id]  # other case, cut inside a word
    assert [(h.id, h.score) for h in store.search("tech青禾")] == [(plant.id, 1.0)]
    assert [h.id for h in store.search("坊")] == [plant.id]  # one character, only in the alias
    assert store.search("bf-tex") == []


def test_entities_fetches_many_in_the_order_asked_without_unknown_ids(store: GraphStore) -> None:
    store.save(both())
    found = store.entities([YUANSHAN.id, "village-missing", QINGHE.id, YUANSHAN.id, HONOUR.id])
    assert [e.id for e in found] == [YUANSHAN.id, QINGHE.id, HONOUR.id]
    assert found[0].to_dict() == store.entity(YUANSHAN.id).to_dict()
    assert found[2].properties["level"] == "provincial"
    assert store.entities([]) == [] and store.entities(["village-missing"]) == []
    report = next(iter(qinghe_graph().reports))
    assert store.entities([report]) == []  # reports are not entities


def test_search_scores_names_and_aliases_like_match_score(store: GraphStore) -> None:
    store.save(both())
    wide = ent("Enterprise", "Ｂｅｉｆｅｎｇ “远山” 材料厂", aliases=["青禾北峰材料"])
    store.save(mentions_only("reports/wide.txt", "北峰远山材料厂投产。", "青禾街道", [wide]))
    hits = {h.id: h.score for h in store.search("材料")}
    assert hits == {
        YUANSHAN.id: match_score("材料", YUANSHAN.name, YUANSHAN.aliases),
        PROJECT.id: match_score("材料", PROJECT.name, PROJECT.aliases),
        wide.id: match_score("材料", wide.name, wide.aliases),
    }
    assert store.search("青禾北峰材料")[0].score == 1.5  # exact alias beats an alias substring


def test_embedded_search_agrees_with_ranking_every_candidate(tmp_path: Path) -> None:
    """The embedded index stops scanning early; the result must be what scoring every entity gives."""
    rnd = random.Random(5)
    stems = ["青禾", "白沙", "远山", "北峰", "石岭"]
    kinds = [("Enterprise", "材料有限公司"), ("Project", "新厂项目"), ("Village", "村"), ("Organization", "服务中心")]
    names = {}
    for n in range(300):
        label, suffix = rnd.choice(kinds)
        name = "".join(rnd.sample(stems, rnd.randint(1, 2))) + rnd.choice(["", str(n)]) + suffix
        aliases = [rnd.choice(stems) + suffix[:2]] if rnd.random() < 0.3 else []
        entity = ent(label, name, aliases=aliases)
        names[entity.id] = entity
    store = EmbeddedStore(tmp_path)
    store.save(mentions_only("reports/many.txt", "青禾白沙远山北峰石岭。", "青禾街道", list(names.values())))
    for query in ["青禾", "有限公司", "村", "白沙远山", "1", "北峰材料", "服务", "石岭新厂", "远山材"]:
        for limit, labels in ((12, None), (3, None), (50, ["Village", "Project"])):
            every = [
                SearchHit(e.id, e.label, e.name, e.aliases, score)
                for e in names.values()
                if (score := match_score(query, e.name, e.aliases)) is not None and (not labels or e.label in labels)
            ]
            expected = [(h.id, h.score) for h in rank_hits(every, limit)]
            assert [(h.id, h.score) for h in store.search(query, limit, labels)] == expected, (query, limit)


def test_entity_relations_include_mentions_with_evidence(store: GraphStore) -> None:
    store.save(both())
    rels = store.entity_relations(HONOUR.id)
    assert sorted(r.type for r in rels) == ["AWARDED", "AWARDED", "MENTIONS", "MENTIONS"]
    awarded = [r for r in rels if r.type == "AWARDED"]
    assert {r.evidence[0].sentence for r in awarded} == {"石岭村获评全省美丽乡村示范村。", "白沙镇获评全省美丽乡村示范村。"}
    assert store.entity_relations("village-missing") == []


def test_neighbours_depth_labels_and_types(store: GraphStore) -> None:
    store.save(both())
    one = store.neighbours(HONOUR.id)
    assert {e.id for e in one.entities} == {HONOUR.id, SHILING.id, BAISHA.id}
    assert {r.type for r in one.relations} == {"AWARDED"}
    assert one.reports == [] and one.truncated is False
    two = store.neighbours(HONOUR.id, depth=2)
    assert {e.id for e in two.entities} == {HONOUR.id, SHILING.id, BAISHA.id, QINGHE.id, PROJECT.id}
    assert {r.type for r in two.relations} == {"AWARDED", "PART_OF", "CARRIES_OUT"}
    villages = store.neighbours(HONOUR.id, depth=2, labels=["Village"])
    assert {e.id for e in villages.entities} == {HONOUR.id, SHILING.id}
    only_part_of = store.neighbours(SHILING.id, depth=3, rel_types=["PART_OF"])
    assert {e.id for e in only_part_of.entities} == {SHILING.id, QINGHE.id}
    with_mentions = store.neighbours(GDP.id, rel_types=["MENTIONS"])
    assert [r.id for r in with_mentions.reports] == [report_id(QINGHE_TEXT)]
    assert with_mentions.reports[0].text == ""
    assert [r.type for r in with_mentions.relations] == ["MENTIONS"]
    cut = store.neighbours(HONOUR.id, depth=2, limit=2)
    assert len(cut.entities) == 2 and cut.truncated is True
    assert store.neighbours("honour-missing").entities == []


def test_shortest_path_ignores_direction_and_mentions(store: GraphStore) -> None:
    store.save(both())
    path = store.shortest_path(SHILING.id, BAISHA.id)
    assert [e.id for e in path.entities] == [SHILING.id, HONOUR.id, BAISHA.id]
    assert [r.type for r in path.relations] == ["AWARDED", "AWARDED"]
    assert store.shortest_path(SHILING.id, BAISHA.id, max_hops=1).entities == []
    assert [e.id for e in store.shortest_path(GDP.id, YUANSHAN.id).entities] == [GDP.id, QINGHE.id, YUANSHAN.id]
    assert [e.id for e in store.shortest_path(GDP.id, GDP.id).entities] == [GDP.id]
    store.delete_report(report_id(BAISHA_TEXT))
    assert store.shortest_path(SHILING.id, HONOUR.id).relations[0].type == "AWARDED"
    assert store.shortest_path(HONOUR.id, "project-missing").entities == []


def test_no_path_through_a_report(store: GraphStore) -> None:
    island = ent("Village", "孤村")
    store.save(baisha_graph())
    store.save(mentions_only("reports/lonely.txt", "孤村获评全省美丽乡村示范村。", "孤村", [island, HONOUR]))
    assert store.shortest_path(island.id, HONOUR.id).entities == []


def test_reports_are_listed_without_text_by_place_then_year(store: GraphStore) -> None:
    store.save(both())
    listed = store.reports()
    assert [r.place for r in listed] == sorted(["青禾街道", "白沙镇"])
    assert all(r.text == "" and r.sections == [] for r in listed)
    full = store.report(report_id(QINGHE_TEXT))
    assert full.text == QINGHE_TEXT and full.sections[1]["kind"] == "problem"
    assert store.report("report-missing") is None


def test_report_relations_are_the_facts_of_one_report(store: GraphStore) -> None:
    store.save(both())
    rels = store.report_relations(report_id(BAISHA_TEXT))
    assert {r.id for r in rels} == set(baisha_graph().relations)
    assert all(r.report_id == report_id(BAISHA_TEXT) for r in rels)


# --- the embedded file --------------------------------------------------------------------


def test_embedded_store_persists_across_reopen(tmp_path: Path) -> None:
    from graph.store.embedded import EmbeddedStore

    first = EmbeddedStore(tmp_path)
    first.save(both())
    first.set_properties({HONOUR.id: {"pagerank": 0.5}})
    first.close()
    second = EmbeddedStore(tmp_path)
    assert as_sets(second.load())[2] == as_sets(both())[2]
    assert second.entity(HONOUR.id).properties == {"level": "provincial", "pagerank": 0.5}
    assert [h.id for h in second.search("青禾")] == [QINGHE.id]
    assert sorted(p.name for p in tmp_path.iterdir()) == [".graph.lock", "graph.govkg"]  # no temp files left


def test_embedded_store_sees_writes_of_another_instance(tmp_path: Path) -> None:
    from graph.store.embedded import EmbeddedStore

    viewer = EmbeddedStore(tmp_path)
    assert viewer.stats()["reports"] == 0
    EmbeddedStore(tmp_path).save(both())
    assert viewer.stats()["reports"] == 2


def test_embedded_batch_writes_the_file_once(tmp_path: Path) -> None:
    from graph.store.embedded import EmbeddedStore

    store = EmbeddedStore(tmp_path)
    with store.batch():
        store.save(qinghe_graph())
        assert not (tmp_path / "graph.govkg").exists()
        store.save(baisha_graph())
    assert EmbeddedStore(tmp_path).stats()["reports"] == 2


HEADER = b'{"format":"govkg-embedded-store","version":3}\n'
CORRUPT_FILES = [
    b"",
    b"not a store at all",
    b'{"format":"something-else","version":3}\n{}',
    HEADER + b'{"reports":[],"nodes":[],"li',  # truncated
    HEADER + b'{"reports":[],"nodes":[],"links":[]}',  # no versions line
    HEADER + b'{"reports":[],"nodes":[],"links":[]}\n[["report-x",[',  # versions line cut
    HEADER + b'{"reports":[],"nodes":[],"links":[1]}\n[]',  # a link that is not a row
    HEADER + b'{"reports":[],"nodes":[["village-x","NoSuchLabel","x",[],{}]],"links":[]}\n[]',
]


@pytest.mark.parametrize("content", CORRUPT_FILES)
def test_a_corrupt_embedded_file_names_the_file(tmp_path: Path, content: bytes) -> None:
    from graph.store.embedded import EmbeddedStore, StoreFileError

    (tmp_path / "graph.govkg").write_bytes(content)
    with pytest.raises(StoreFileError, match="graph.govkg"):
        EmbeddedStore(tmp_path)


def test_a_file_of_another_format_version_is_refused(tmp_path: Path) -> None:
    from graph.store.embedded import EmbeddedStore, StoreFileError

    (tmp_path / "graph.govkg").write_bytes(b'{"format":"govkg-embedded-store","version":99}\n{}')
    with pytest.raises(StoreFileError, match="version 99.*rebuild"):
        EmbeddedStore(tmp_path)


def test_open_store_picks_the_kind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from graph.store import open_store

    monkeypatch.delenv("NEO4J_URI", raising=False)
    monkeypatch.setenv("GOVKG_DATA_DIR", str(tmp_path / "env-dir"))
    store = open_store()
    assert store.name == "embedded"
    store.save(baisha_graph())
    assert (tmp_path / "env-dir" / "graph.govkg").exists()
    assert open_store(data_dir=tmp_path / "arg-dir").path == tmp_path / "arg-dir" / "graph.govkg"
    with pytest.raises(ValueError, match="needs a URI"):
        open_store("neo4j")
    with pytest.raises(ValueError, match="unknown store kind"):
        open_store("sqlite")


def test_clean_properties_drops_none_and_owned_keys_and_lists_tuples() -> None:
    from graph.store.normalise import clean_properties

    assert clean_properties({"year": 2023, "unit": "亿元"}) == {"year": 2023, "unit": "亿元"}
    assert clean_properties({"year": None, "marks": (1, 2), "id": "x"}, frozenset({"id"})) == {"marks": [1, 2]}
