"""Rows for the Neo4j store's writes, and model objects from its records.

How a save is planned (one ReportWrite per report), how its rows are shaped for
the UNWIND queries in cypher/writes/save.cypher, and how nodes and relationships
read back become Entity, Report and Relation again.
"""

from __future__ import annotations

import gc
import json
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import orjson
from neo4j.graph import Node, Relationship

from graph.model import PLACE_LABELS, Entity, Evidence, Graph, Relation, Report
from graph.store.base import SaveSummary
from graph.store.normalise import stored_entity, stored_relation_properties
from graph.store.planning import version_row

BATCH_ROWS = 5000  # rows per UNWIND; one report's rows rarely need more than one batch


@dataclass
class ReportWrite:
    """What one report's transaction writes, decided on the client before it starts."""

    report: Report
    entities: list[Entity]  # the entities its relations touch (stored form), plus `loose`
    relations: list[tuple[str, Relation]]  # (relation id, relation)
    missing: list[str]  # ends of its relations stored by earlier saves, not in this graph
    loose: frozenset[str] = frozenset()  # entities of the graph named by no relation
    saved: int = 0  # save order (graph.store.planning: entities are merged again in this order)

    @property
    def keys(self) -> frozenset[str]:
        """What two writes must not touch at once (graph.store.schedule): entities, report, path."""
        return frozenset(
            [*(e.id for e in self.entities), *self.missing, self.report.id, f"path\x1f{self.report.path}"]
        )

    @property
    def fact_sources(self) -> list[str]:
        return sorted({rel.source for _, rel in self.relations if rel.type != "MENTIONS"})


def plan_writes(graph: Graph) -> list[ReportWrite]:
    """One write per report of the graph; entities named by no relation go with the first."""
    by_report: dict[str, list[tuple[str, Relation]]] = {rid: [] for rid in graph.reports}
    touched: set[str] = set()
    for rid, rel in graph.relations.items():
        if rel.report_id in by_report:
            by_report[rel.report_id].append((rid, rel))
            touched.update((rel.source, rel.target))
    loose = frozenset(eid for eid in graph.entities if eid not in touched)
    writes = []
    for report in graph.reports.values():
        relations = by_report[report.id]
        ends = {e for _, rel in relations for e in (rel.source, rel.target)}
        mine = loose if not writes else frozenset()
        ids = [eid for eid in graph.entities if eid in ends or eid in mine]
        writes.append(
            ReportWrite(
                report=report,
                entities=[stored_entity(graph.entities[eid]) for eid in ids],
                relations=relations,
                missing=sorted(ends - graph.entities.keys() - {report.id}),
                loose=mine,
                saved=next_saved(),
            )
        )
    return writes


_last_saved = 0


def next_saved() -> int:
    """A save-order key: nanoseconds since the epoch, strictly increasing in this process, so
    reports planned in order keep it, and a later build's reports come after."""
    global _last_saved
    _last_saved = max(time.time_ns(), _last_saved + 1)
    return _last_saved


def summary_of(outcomes: Iterable[tuple[ReportWrite, str | Exception]]) -> SaveSummary | Exception:
    """The summary of one part's report writes, or the first exception among them."""
    summary, failure, entities = SaveSummary(), None, set()
    for write, outcome in outcomes:
        if isinstance(outcome, Exception):
            failure = failure or outcome
            continue
        getattr(summary, outcome).append(write.report.id)
        if outcome != "unchanged":
            entities.update(e.id for e in write.entities)
            summary.relations += len(write.relations)
    summary.entities = len(entities)
    return summary if failure is None else failure


@contextmanager
def graph_frozen() -> Iterator[None]:
    """Keep the garbage collector's full collections off the graph being saved: `gc.freeze`
    moves every object alive now (the graph: millions of them) out of the collector's reach
    until the save is over. Without it each full collection walks them all (bench/load_neo4j.py:
    three of about 0.5 s each per load, holding the GIL; planning the writes took 1.3-1.8 s
    instead of 1.1 s)."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


class Rows(list):  # type: ignore[type-arg]
    """A parameter list with a short repr. The driver formats every RUN's parameters for
    its debug log even when debug logging is off (neo4j 5.28 and 6.x, `_bolt5.py` run());
    for a 5,000-row batch that repr costs about 20 ms (bench/load_neo4j.py: about 1 s of the
    client's 13 s of CPU). Packing is unchanged: the packer takes any list.

    The driver also keeps each query's parameters in its Result, which sits in a reference
    cycle, so the rows would wait for the cyclic garbage collector (bench/load_neo4j.py:
    800,000 objects and 2.7 s of GC, a third of the client's CPU, per load). The store
    empties its parameter lists and maps once a query is done, and the rows go at once."""

    def __repr__(self) -> str:
        return f"<{len(self)} rows>"


class ElementIds(dict):  # type: ignore[type-arg]
    """Entity id -> element id, sent with every relationship batch; a short repr like Rows."""

    def __repr__(self) -> str:
        return f"<{len(self)} element ids>"


def split_rows(rows: list[list[Any]], is_later: Callable[[list[Any]], bool]) -> tuple[list[Any], list[Any]]:
    """Rows written before a report's turn, and rows written after it."""
    first: list[Any] = []
    rest: list[Any] = []
    for row in rows:
        (rest if is_later(row) else first).append(row)
    return first, rest


def in_batches(rows: list[Any]) -> Iterator[list[Any]]:
    for start in range(0, len(rows), BATCH_ROWS):
        yield Rows(rows[start : start + BATCH_ROWS])


def relation_rows(relations: list[tuple[str, Relation]]) -> tuple[list[list[Any]], list[list[Any]]]:
    """Rows for create_mentions and for create_facts (lists: see their descriptions). The
    relations all belong to the report being written, whose id travels once per batch."""
    mentions, facts = [], []
    for rid, relation in relations:
        # orjson writes the Evidence dataclasses itself, fields in order (what the honours
        # queries' sentence split relies on): about twice as fast as building dicts first.
        evidence = orjson.dumps(relation.evidence).decode()
        props = stored_relation_properties(relation)
        if relation.type == "MENTIONS":  # from the report node: only the target travels
            mentions.append([relation.target, rid, evidence, props])
        else:
            facts.append([relation.source, relation.target, relation.type, rid, evidence, props])
    return mentions, facts


def entity_row(entity: Entity) -> dict[str, Any]:
    labels = [entity.label, "Place"] if entity.label in PLACE_LABELS else [entity.label]
    props = {
        **entity.properties,
        "id": entity.id,
        "label": entity.label,
        "name": entity.name,
        "aliases": entity.aliases,
    }
    return {"id": entity.id, "labels": labels, "props": props}


def report_props(write: ReportWrite) -> dict[str, Any]:
    """The report node's properties. `fact_sources` (the entities its facts start at) is how
    delete_report_relations and report_relations find its facts without a relationship index;
    `entity_versions` (JSON: the entities as this report gave them) and `saved` (the save order)
    are how its entities are merged again without it when it goes (graph.store.planning)."""
    report = write.report
    data = report.to_dict()
    data.pop("id")
    data["sections"] = json.dumps(report.sections, ensure_ascii=False)
    data["years"] = list(report.years)
    data["fact_sources"] = write.fact_sources
    data["entity_versions"] = orjson.dumps([version_row(e) for e in write.entities]).decode()
    data["saved"] = write.saved
    return data


def entity_of(node: Node) -> Entity:
    props = dict(node)
    return Entity(
        id=props.pop("id"),
        label=props.pop("label"),
        name=props.pop("name"),
        aliases=list(props.pop("aliases", None) or []),
        properties=props,
    )


def report_of(node: Node | dict[str, Any]) -> Report:
    data = {k: v for k, v in dict(node).items() if v is not None}
    data["sections"] = json.loads(data["sections"]) if data.get("sections") else []
    data["years"] = list(data.get("years") or [])
    return Report.from_dict(data)


def relation_of(rel: Relationship, source: str, target: str) -> Relation:
    props = dict(rel)
    props.pop("id", None)
    props.pop("section", None)  # written by earlier versions; the evidence has it
    report_id = props.pop("report_id")
    evidence = json.loads(props.pop("evidence", None) or "[]")
    return Relation(rel.type, source, target, report_id, props, [Evidence.from_dict(e) for e in evidence])
