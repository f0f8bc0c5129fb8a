"""Resolution folds what is the same thing and keeps apart what is not."""

from graph.model import Entity, Graph, Relation, Report, entity_id
from graph.resolve import enterprise_core, place_key, resolve, split_by_report


def fragment(rid: str, entities: list[Entity], relations: list[tuple[str, str, str]]) -> Graph:
    g = Graph(reports={rid: Report(rid, f"{rid}.txt")})
    for e in entities:
        g.add_entity(e)
    for kind, src, dst in relations:
        g.add_relation(Relation(kind, src, dst, rid))
    return g


def ent(label: str, name: str, scope: str = "") -> Entity:
    return Entity(entity_id(label, name, scope), label, name)


def test_place_key_folds_subdistrict_forms():
    assert place_key("Subdistrict", "青石街") == place_key("Subdistrict", "青石街道")
    assert place_key("Subdistrict", "青石镇") != place_key("Subdistrict", "青石街道")


def test_enterprise_core_strips_region_and_legal_form():
    assert enterprise_core("岳阳市云溪区晨光物流有限公司") == "晨光物流"
    assert enterprise_core("晨光物流") == "晨光物流"


def test_unparented_subdistrict_joins_the_parented_one():
    district = ent("District", "云溪区")
    with_parent = ent("Subdistrict", "青石街道", district.id)
    bare = ent("Subdistrict", "青石街")
    g = resolve(
        [
            fragment("r1", [district, with_parent], [("PART_OF", with_parent.id, district.id)]),
            fragment("r2", [bare], [("MENTIONS", "r2", bare.id)]),
        ]
    )
    subs = [e for e in g.entities.values() if e.label == "Subdistrict"]
    assert len(subs) == 1 and "青石街" in subs[0].aliases
    assert {r.target for r in g.relations.values() if r.type == "MENTIONS"} == {with_parent.id}


def test_same_village_name_under_two_subdistricts_stays_two():
    a, b = ent("Subdistrict", "甲镇"), ent("Subdistrict", "乙镇")
    va, vb = ent("Village", "新塘村", a.id), ent("Village", "新塘村", b.id)
    g = resolve(
        [
            fragment("r1", [a, va], [("PART_OF", va.id, a.id)]),
            fragment("r2", [b, vb], [("PART_OF", vb.id, b.id)]),
        ]
    )
    assert sum(e.name == "新塘村" for e in g.entities.values()) == 2


def test_short_enterprise_name_merges_only_when_unambiguous():
    full = ent("Enterprise", "岳阳市晨光物流有限公司")
    short = ent("Enterprise", "晨光物流")
    g = resolve([fragment("r1", [full, short], [("MENTIONS", "r1", full.id), ("MENTIONS", "r1", short.id)])])
    assert list(g.entities) == [full.id] and g.entities[full.id].aliases == ["晨光物流"]

    other = ent("Enterprise", "湘阴县晨光物流有限公司")
    g = resolve([fragment("r1", [full, short, other], [])])
    assert short.id in g.entities  # two candidates: kept apart


def test_split_by_report_keeps_each_reports_facts():
    a, b = ent("Village", "东岭村"), ent("Village", "西岭村")
    g = resolve(
        [fragment("r1", [a], [("MENTIONS", "r1", a.id)]), fragment("r2", [b], [("MENTIONS", "r2", b.id)])]
    )
    parts = {next(iter(p.reports)): p for p in split_by_report(g)}
    assert set(parts["r1"].entities) == {a.id} and set(parts["r2"].entities) == {b.id}


def test_place_key_folds_offices_and_keeps_classes():
    assert place_key("Subdistrict", "青石街道办事处") == place_key("Subdistrict", "青石街") == "青石|街"
    assert place_key("Subdistrict", "溪岚镇人民政府") == place_key("Subdistrict", "溪岚镇") == "溪岚|镇"
    assert place_key("Subdistrict", "红湖农场") == "红湖|农场"
    assert place_key("Village", "青石村") == "青石村"


def test_enterprise_core_is_the_extractors_company_core():
    assert enterprise_core("远舟物流(湘潭)有限公司") == "远舟物流"
    assert enterprise_core("湖南省远舟超市有限公司") == "远舟超市"
    assert enterprise_core("有限公司") == "有限公司"
