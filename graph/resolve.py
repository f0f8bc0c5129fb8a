"""Entity resolution across reports: one node per real thing.

The extractor already gives the same id to the same name under the same
parent place, so most merging happens by id. What is left needs the whole
batch: a place read with its parent in one report and without it in another,
and an enterprise's short name (晨光物流) beside its full legal name
(岳阳市晨光物流有限公司). Both merge only when the match is unambiguous.

Besides the merged graph, resolve keeps each report's own version of the
entities it names (its names, aliases and properties, under the final ids), and
split_by_report gives each report's part those versions, not the merged entity.
The store merges them report by report to the same result, and because it knows
what each report gave, deleting a report takes that report's names and aliases
away again (graph.store.planning).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from extract.nlp.names import company_core, legal_form, longest_first, township_suffix
from graph.model import Entity, Graph, Relation, normalise_name

_PARENTHESES = re.compile(r"\(.*?\)")


def place_key(label: str, name: str) -> str:
    """The comparable core of a place name: 青石街, 青石街道 and 青石街道办事处 share a key per class."""
    text = normalise_name(name)
    if label == "Subdistrict":
        offices = longest_first("township_offices.txt")  # 青石街道办事处, 溪岚镇人民政府
        office = next((o for o in offices if text.endswith(o) and township_suffix(text[: -len(o)])), "")
        town = text[: len(text) - len(office)]
        suffix = township_suffix(town)
        if suffix:
            return town[: -len(suffix)] + "|" + ("街" if suffix in ("街道", "街") else suffix)
    return text


def enterprise_core(name: str) -> str:
    """An enterprise name without leading region and trailing legal form: the part people shorten it to
    (names.company_core, after dropping every bracketed note)."""
    text = _PARENTHESES.sub("", normalise_name(name))
    return company_core(text) or text


@dataclass
class Resolved(Graph):
    """The merged graph, and per report id its own version of each entity it names (final ids)."""

    versions: dict[str, dict[str, Entity]] = field(default_factory=dict)


def resolve(fragments: Iterable[Graph]) -> Resolved:
    """Merge per-report graphs into one, folding entities that are the same thing."""
    merged = Resolved()
    own: list[tuple[list[str], list[Entity]]] = []
    for fragment in fragments:
        copies = [Entity(e.id, e.label, e.name, list(e.aliases), dict(e.properties)) for e in fragment.entities.values()]
        own.append((list(fragment.reports), copies))
        merged.extend(fragment)  # merges into the first fragment's entity objects: hence the copies
    mapping: dict[str, str] = {}
    mapping.update(_fold_unparented_places(merged))
    mapping.update(_fold_enterprise_short_names(merged, mapping))
    if mapping:
        _apply(merged, mapping)
    final = _final(mapping)
    for report_ids, entities in own:
        versions = _versions(entities, final, merged)
        for rid in report_ids:
            merged.versions[rid] = versions
    return merged


def _final(mapping: dict[str, str]) -> Callable[[str], str]:
    def final(entity_id: str) -> str:
        seen = set()
        while entity_id in mapping and entity_id not in seen:
            seen.add(entity_id)
            entity_id = mapping[entity_id]
        return entity_id

    return final


def _versions(entities: list[Entity], final: Callable[[str], str], merged: Graph) -> dict[str, Entity]:
    """One report's entities under their final ids. Where the report named a folded entity in
    several ways, its own record of the final id absorbs the others (as _apply does); where it
    only named a folded-away one, the merged entity's name stays the name."""
    versions: dict[str, Entity] = {}
    for entity in sorted(entities, key=lambda e: final(e.id) != e.id):  # own records of final ids first
        target = final(entity.id)
        held = merged.entities.get(target)
        if held is None:
            continue
        if target == entity.id:
            versions[target] = entity
            continue
        version = versions.get(target)
        if version is None:
            version = versions[target] = Entity(target, held.label, held.name)
        version.merge(entity)
    return versions


def _parents(graph: Graph) -> dict[str, set[str]]:
    parents: dict[str, set[str]] = defaultdict(set)
    for rel in graph.relations.values():
        if rel.type == "PART_OF":
            parents[rel.source].add(rel.target)
    return parents


def _fold_unparented_places(graph: Graph) -> dict[str, str]:
    """A place known without a parent joins the one same-named place whose parent is known."""
    parents = _parents(graph)
    groups: dict[tuple[str, str], list[Entity]] = defaultdict(list)
    for entity in graph.entities.values():
        if entity.is_place:
            groups[(entity.label, place_key(entity.label, entity.name))].append(entity)
    mapping: dict[str, str] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        parented = [e for e in members if parents.get(e.id)]
        orphans = [e for e in members if not parents.get(e.id)]
        if len(parented) == 1:
            for orphan in orphans:
                mapping[orphan.id] = parented[0].id
        elif not parented:
            for orphan in orphans[1:]:
                mapping[orphan.id] = orphans[0].id
    return mapping


def _fold_enterprise_short_names(graph: Graph, already: dict[str, str]) -> dict[str, str]:
    """A short name merges with the only full legal name that contains it."""
    enterprises = [e for e in graph.entities.values() if e.label == "Enterprise" and e.id not in already]
    full = [e for e in enterprises if legal_form(normalise_name(e.name))]
    full_ids = {e.id for e in full}
    mapping: dict[str, str] = {}
    for short in enterprises:
        if short.id in full_ids:
            continue
        core = enterprise_core(short.name)
        if len(core) < 2:
            continue
        candidates = {e.id for e in full if core in enterprise_core(e.name) or core in normalise_name(e.name)}
        if len(candidates) == 1:
            mapping[short.id] = candidates.pop()
    return mapping


def _apply(graph: Graph, mapping: dict[str, str]) -> None:
    """Rewrite ids everywhere; merged records keep the other names as aliases."""

    final = _final(mapping)
    for old in list(mapping):
        target = final(old)
        if target == old or old not in graph.entities:
            continue
        absorbed = graph.entities.pop(old)
        graph.entities[target].merge(absorbed)
    relations = list(graph.relations.values())
    graph.relations.clear()
    for rel in relations:
        source, target = final(rel.source), final(rel.target)
        if rel.type == "PART_OF" and source == target:
            continue
        graph.add_relation(
            Relation(rel.type, source, target, rel.report_id, dict(rel.properties), list(rel.evidence))
        )
    for report in graph.reports.values():
        if report.place_id:
            report.place_id = final(report.place_id)


def split_by_report(graph: Graph) -> list[Graph]:
    """One graph per report with the entities its facts touch, so each saves on its own: each
    entity as that report named it when `graph` came from resolve, else the merged one."""
    parts: dict[str, Graph] = {rid: Graph(reports={rid: rep}) for rid, rep in graph.reports.items()}
    versions = graph.versions if isinstance(graph, Resolved) else {}
    for rel in graph.relations.values():
        part = parts.get(rel.report_id)
        if part is None:
            continue
        own = versions.get(rel.report_id, {})
        for end in (rel.source, rel.target):
            if end in graph.entities:
                part.entities[end] = own.get(end) or graph.entities[end]
        part.relations[rel.id] = rel
    return list(parts.values())
