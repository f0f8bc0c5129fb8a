"""Save planning both stores share: which reports to write, and what each gave its entities.

A shared entity is merged from the versions the reports that name it gave (as
Entity.merge does: the first name stays the name, other names become aliases,
properties fill gaps). Each store keeps every written report's versions, so when
a report goes (delete_report, or a new version of it replacing it) its entities
are merged again from the versions of the reports that remain: the store then
holds what a clean build without that report would, names and aliases included.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from graph.model import Entity, Graph, Report
from graph.store.base import SaveSummary

# One report's version of one entity, as stored: [entity id, name, aliases, properties].
VersionRow = list[Any]


def plan_save(graph: Graph, stored_id_for_path: dict[str, str], stored_ids: set[str]) -> tuple[
    SaveSummary, list[Report], dict[str, str], set[str]
]:
    """Decide per report: unchanged, new, or replacing the report stored under its path.

    Returns the summary (counts not filled), the reports to write, {new id: old id}
    for replacements, and the entity ids that only unchanged reports touch (not written).
    """
    summary = SaveSummary()
    to_write: list[Report] = []
    replaces: dict[str, str] = {}
    for report in graph.reports.values():
        if report.id in stored_ids:
            summary.unchanged.append(report.id)
            continue
        old = stored_id_for_path.get(report.path)
        if old is not None and old != report.id:
            replaces[report.id] = old
            summary.replaced.append(report.id)
        else:
            summary.written.append(report.id)
        to_write.append(report)
    writing = {r.id for r in to_write}
    touched_by_written: set[str] = set()
    touched_by_unchanged: set[str] = set()
    for rel in graph.relations.values():
        ends = (rel.source, rel.target)
        if rel.report_id in writing:
            touched_by_written.update(ends)
        elif rel.report_id in stored_ids:
            touched_by_unchanged.update(ends)
    skip = touched_by_unchanged - touched_by_written
    if not to_write:
        skip = set(graph.entities)
    return summary, to_write, replaces, skip


def entities_per_report(graph: Graph, reports: Sequence[Report]) -> dict[str, list[str]]:
    """The graph's entities each report gives a version of: those its relations touch, and
    (for the first report) those no relation touches, which travel with it."""
    ends: dict[str, set[str]] = {r.id: set() for r in reports}
    touched: set[str] = set()
    for rel in graph.relations.values():
        touched.update((rel.source, rel.target))
        mine = ends.get(rel.report_id)
        if mine is not None:
            mine.update((rel.source, rel.target))
    result: dict[str, list[str]] = {}
    for n, report in enumerate(reports):
        mine = ends[report.id]
        result[report.id] = [eid for eid in graph.entities if eid in mine or (n == 0 and eid not in touched)]
    return result


def version_row(entity: Entity) -> VersionRow:
    """An entity (already in stored form) as one report's version of it."""
    return [entity.id, entity.name, list(entity.aliases), dict(entity.properties)]


def remerged(current: Entity, kept: Sequence[VersionRow], dropped: Iterable[VersionRow]) -> Entity:
    """The entity merged again from the versions of the reports that remain (in save order),
    after the reports that gave `dropped` went. Properties no report gave (written by
    set_properties: pagerank, community, ...) are kept as they are."""
    given = {key for row in (*kept, *dropped) for key in row[3]}
    _, name, aliases, props = kept[0]
    entity = Entity(current.id, current.label, name, list(aliases), dict(props))
    for _, name, aliases, props in kept[1:]:
        entity.merge(Entity(current.id, current.label, name, aliases, props))
    for key, value in current.properties.items():
        if key not in given:
            entity.properties[key] = value
    return entity
