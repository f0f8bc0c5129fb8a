"""What the API returns and the pages render, built from GraphStore calls only.

The JSON API and the server-rendered pages show the same things, so both take
them from here; the functions never touch a concrete store.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from graph.model import PLACE_LABELS, RELATION_TYPES, Entity, Relation, Report
from graph.store.base import GraphStore, Subgraph
from web.labels import label_of_id

# An entity page names the other end of each relation; past this many distinct
# others, the rest are shown by id.
MAX_NAMED_OTHERS = 1000


def report_brief(report: Report) -> dict[str, Any]:
    return report.to_dict(with_text=False)


def node_of_entity(entity: Entity) -> dict[str, Any]:
    return {"id": entity.id, "name": entity.name, "label": entity.label}


def node_of_report(report: Report) -> dict[str, Any]:
    return {"id": report.id, "name": report.title or report.path, "label": "Report"}


def _around(store: GraphStore, entity_id: str, ids: set[str]) -> dict[str, dict[str, Any]]:
    """Name and label of everything joined to one entity, reports included (through
    MENTIONS), from one neighbourhood query; stragglers in one batch lookup (reports one by one)."""
    if not ids:
        return {}
    around = store.neighbours(
        entity_id, depth=1, rel_types=RELATION_TYPES, limit=min(len(ids), MAX_NAMED_OTHERS) + 1
    )
    named = {e.id: node_of_entity(e) for e in around.entities if e.id in ids}
    named.update({r.id: node_of_report(r) for r in around.reports if r.id in ids})
    stragglers = sorted(ids - named.keys())[: max(0, MAX_NAMED_OTHERS - len(named))]
    named.update({e.id: node_of_entity(e) for e in store.entities(stragglers)})
    for other in stragglers:
        if other in named:
            continue
        report = store.report(other)
        if report is not None:
            named[other] = node_of_report(report)
    return named


def _fallback_node(node_id: str) -> dict[str, Any]:
    return {"id": node_id, "name": node_id, "label": label_of_id(node_id) or "Report"}


def group_relations(relations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Relations grouped by type, in the model's order of types."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for rel in relations:
        groups[rel["type"]].append(rel)
    order = {t: i for i, t in enumerate(RELATION_TYPES)}
    return [
        {"type": t, "relations": groups[t]} for t in sorted(groups, key=lambda t: (order.get(t, 99), t))
    ]


def entity_payload(store: GraphStore, entity_id: str) -> dict[str, Any] | None:
    """Everything known about one entity: facts grouped by type, with evidence and reports."""
    entity = store.entity(entity_id)
    if entity is None:
        return None
    relations = store.entity_relations(entity_id)
    others = {r.target if r.source == entity_id else r.source for r in relations}
    others.discard(entity_id)
    report_ids = {r.report_id for r in relations}
    names = _around(store, entity_id, others | report_ids)
    rows = []
    for rel in relations:
        outgoing = rel.source == entity_id
        other_id = rel.target if outgoing else rel.source
        row = rel.to_dict()
        row["direction"] = "out" if outgoing else "in"
        row["other"] = names.get(other_id) or _fallback_node(other_id)
        rows.append(row)
    rows.sort(key=lambda r: (r["type"], r["other"]["name"], str(r["properties"].get("year", ""))))
    reports = {rid: {"id": rid, "title": names[rid]["name"]} for rid in sorted(report_ids) if rid in names}
    return {
        "entity": entity.to_dict(),
        "groups": group_relations(rows),
        "relation_count": len(rows),
        "reports": reports,
    }


def subgraph_payload(sub: Subgraph) -> dict[str, Any]:
    """A Subgraph as nodes and edges for the explorer (reports become nodes too)."""
    data = sub.to_dict()
    data["nodes"] = [
        {**node_of_entity(e), "aliases": e.aliases, "properties": e.properties} for e in sub.entities
    ] + [{**node_of_report(r), "aliases": [], "properties": {"year": r.year}} for r in sub.reports]
    return data


def relation_rows(store: GraphStore, relations: list[Relation]) -> list[dict[str, Any]]:
    """Relations of one report with both ends named (one batch lookup of the distinct entities)."""
    ids = sorted({r.source for r in relations} | {r.target for r in relations})[:MAX_NAMED_OTHERS]
    names = {e.id: node_of_entity(e) for e in store.entities(ids)}
    rows = []
    for rel in relations:
        row = rel.to_dict()
        row["source_node"] = names.get(rel.source) or _fallback_node(rel.source)
        row["target_node"] = names.get(rel.target) or _fallback_node(rel.target)
        rows.append(row)
    order = {t: i for i, t in enumerate(RELATION_TYPES)}
    rows.sort(key=lambda r: (order.get(r["type"], 99), min((e["start"] for e in r["evidence"]), default=0)))
    return rows


def hit_contexts(store: GraphStore, entity_ids: list[str]) -> dict[str, dict[str, Any]]:
    """Where each entity stands, so two hits of one name can be told apart: the place it
    belongs to or acts in (PART_OF first), the reports that mention it, and the years of its
    facts. One entity_relations call per entity and one batch lookup of the places."""
    reports = {r.id: r for r in store.reports()}
    found: dict[str, dict[str, Any]] = {}
    wanted: set[str] = set()
    relations = {}
    for eid in entity_ids:
        rels = store.entity_relations(eid)
        relations[eid] = rels
        wanted.update(r.target if r.source == eid else r.source for r in rels if r.type != "MENTIONS")
    named = {e.id: e for e in store.entities(sorted(wanted)[:MAX_NAMED_OTHERS])}
    for eid in entity_ids:
        places: list[str] = []
        report_ids: list[str] = []
        years: set[int] = set()
        for rel in sorted(relations[eid], key=lambda r: (r.type != "PART_OF", r.type, r.id)):
            year = rel.properties.get("year")
            if isinstance(year, int):
                years.add(year)
            if rel.type == "MENTIONS":
                report_ids.append(rel.source)
                continue
            other = named.get(rel.target if rel.source == eid else rel.source)
            if other is not None and other.label in PLACE_LABELS and other.id != eid and other.name not in places:
                if rel.type == "PART_OF" and rel.source != eid:
                    continue  # a place below it says nothing about where it is
                places.append(other.name)
        briefs = [reports[r] for r in dict.fromkeys(report_ids) if r in reports]
        years.update(r.year for r in briefs if r.year)
        found[eid] = {
            "places": places[:3],
            "reports": [{"id": r.id, "title": r.title or r.path, "place": r.place, "year": r.year} for r in briefs[:3]],
            "report_places": sorted({r.place for r in briefs if r.place}),
            "years": sorted(years),
        }
    return found
